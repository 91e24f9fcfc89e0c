using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Notifications;
using UxRt.Camkes.Runtime.Tests.Support;
using UxRt.Camkes.Runtime.Threading;
using UxRt.Camkes.Runtime.Transport;

namespace UxRt.Camkes.Runtime.Tests.Transport;

/// <summary>select/poll over transport endpoints and notifications together, thousands at once, blocking and awaited.</summary>
public sealed class PollSetTests
{
    private const int Sources = 10_000;

    [Fact]
    public void Over_ten_thousand_endpoints_and_notifications_exactly_the_signalled_ones_wake_the_waiter()
    {
        using var kernel = new SystemKernel("poll");
        var (endpoints, clients) = Endpoints(kernel, Sources / 2);
        var notifications = Enumerable.Range(0, Sources / 2).Select(i => new Notification("client", "n" + i)).ToList();
        var polls = new PollSet();
        clients.ForEach(polls.Add);
        notifications.ForEach(polls.Add);
        Assert.Equal(Sources, polls.Count);

        var expected = new HashSet<object>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < Sources / 2; i += 97)
        {
            endpoints[i].SignalReady(PollEvents.In | PollEvents.Out);
            notifications[Sources / 2 - 1 - i].Signal(4);
            expected.Add(clients[i]);
            expected.Add(notifications[Sources / 2 - 1 - i]);
        }

        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        while (seen.Count < expected.Count)
        {
            Assert.True(polls.TryWait(Bounded.Wait, out var ready));
            Assert.True(seen.Add(ready.Source));
            Assert.Equal(ready.Endpoint is not null ? PollEvents.In | PollEvents.Out : 4, ready.Events);
        }

        Assert.Equal(expected, seen);
        Assert.False(polls.TryPoll(out _));
    }

    [Fact]
    public void A_signal_from_another_thread_wakes_a_blocked_waiter_with_its_source()
    {
        using var kernel = new SystemKernel("poll");
        var (endpoints, clients) = Endpoints(kernel, 3);
        var polls = new PollSet();
        clients.ForEach(polls.Add);
        PollEvent ready = default;

        Bounded.RunThreads(() => ready = polls.Wait(), () => endpoints[1].SignalReady());

        Assert.Same(clients[1], ready.Endpoint);
        Assert.Null(ready.Notification);
        Assert.Equal(PollEvents.In, ready.Events);
    }

    [Fact]
    public void A_unicore_component_awaits_a_poll_set_on_its_cpu()
    {
        using var kernel = new SystemKernel("poll");
        var cpu = new UnicoreThreadingModel("waiter");
        var (endpoints, clients) = Endpoints(kernel, Sources / 2);
        var notification = new Notification("waiter", "tick");
        var woken = new List<(object Source, int Thread)>();
        kernel.AddInstance("waiter", new ScriptedComponent
        {
            OnRunAsync = async _ =>
            {
                var polls = new PollSet();
                clients.ForEach(polls.Add);
                polls.Add(notification);
                endpoints[4321].SignalReady();
                var first = await polls.WaitAsync();
                woken.Add((first.Source, Environment.CurrentManagedThreadId));
                notification.Signal();
                var second = await polls.WaitAsync();
                woken.Add((second.Source, Environment.CurrentManagedThreadId));
                Assert.Throws<BlockingOnVirtualCpuException>(() => polls.Wait());
            },
        }, new InstanceOptions { HasControl = true, Threading = cpu });

        kernel.Start();

        Assert.True(kernel.WaitForControlThreads(Bounded.Wait));
        Assert.DoesNotContain(kernel.Faults, f => f.Exception is not Faults.CpuHeldTooLongException);
        Assert.Equal([(clients[4321], cpu.Cpu.ThreadId), (notification, cpu.Cpu.ThreadId)], woken);
    }

    [Fact]
    public void A_removed_source_no_longer_wakes_the_set()
    {
        using var kernel = new SystemKernel("poll");
        var (endpoints, clients) = Endpoints(kernel, 2);
        var polls = new PollSet();
        clients.ForEach(polls.Add);
        polls.Remove(clients[0]);

        endpoints[0].SignalReady();

        Assert.False(polls.TryPoll(out _));
        Assert.Equal(PollEvents.In, clients[0].Readiness.Poll());
    }

    [Fact]
    public void A_source_already_waited_on_by_another_set_is_refused_and_keeps_reporting_to_its_own()
    {
        using var kernel = new SystemKernel("poll");
        var (endpoints, clients) = Endpoints(kernel, 1);
        var first = new PollSet();
        var second = new PollSet();
        first.Add(clients[0]);

        Assert.Throws<InvalidOperationException>(() => second.Add(clients[0].Readiness));
        first.Add(clients[0]);
        endpoints[0].SignalReady();

        Assert.Equal(1, first.Count);
        Assert.Equal(0, second.Count);
        Assert.True(first.TryPoll(out var ready));
        Assert.Same(clients[0], ready.Source);
    }

    // Passive endpoints: no thread each, so thousands cost only memory.
    private static (List<TransportEndpoint> Endpoints, List<TransportClient> Clients) Endpoints(SystemKernel kernel, int count)
    {
        var endpoints = new List<TransportEndpoint>(count);
        var clients = new List<TransportClient>(count);
        for (var i = 0; i < count; i++)
        {
            var endpoint = TransportWiring.Serve(kernel, "server", "f" + i, "/srv/poll/" + i, (ITransportHandler)new MemoryFiles(), passive: true);
            endpoints.Add(endpoint);
            clients.Add(TransportWiring.Connect(kernel, endpoint, "client", "f" + i, bufferSize: 16));
        }

        return (endpoints, clients);
    }
}
