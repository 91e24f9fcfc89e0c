using System.Collections.Concurrent;
using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Notifications;
using UxRt.Camkes.Runtime.Tests.Support;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Tests.Notifications;

/// <summary>
/// seL4NotificationBind: a notification bound to a server's interface delivers its callbacks on the
/// thread that serves that interface, between calls and never during one.
/// </summary>
public sealed class BoundNotificationTests
{
    [Fact]
    public void A_signal_raised_during_a_call_is_delivered_on_the_interface_thread_once_the_call_has_returned()
    {
        using var kernel = new SystemKernel("bind");
        var journal = new ConcurrentQueue<string>();
        using var delivered = new ManualResetEventSlim();
        Thread? handlerThread = null;
        Thread? callbackThread = null;
        // Created before the interface is served: the kernel binds when it starts.
        Notification? ready = null;
        kernel.AddInstance("server", new ScriptedComponent
        {
            OnInit = _ => ready!.RegisterCallback(bits =>
            {
                callbackThread = Thread.CurrentThread;
                journal.Enqueue($"callback {bits}");
                delivered.Set();
            }),
        }, hasControl: false);
        ready = kernel.CreateNotification("server", "ready", boundTo: "calc");
        var endpoint = kernel.Serve("server", "calc", new CalculatorDispatcher(new SignallingCalculator(() =>
        {
            handlerThread = Thread.CurrentThread;
            journal.Enqueue("call");
            ready.Signal(2);
            journal.Enqueue("call returns");
        })));
        kernel.Start();

        Assert.Equal(3, new CalculatorClient(endpoint, badge: 1).Add(1, 2));

        Assert.True(delivered.Wait(Bounded.Wait));
        Assert.Equal(["call", "call returns", "callback 2"], journal);
        Assert.Same(handlerThread, callbackThread);
        Assert.Equal("server.calc", callbackThread!.Name);
    }

    [Fact]
    public void Callbacks_and_calls_never_run_at_the_same_time()
    {
        const int Rounds = 300;
        using var kernel = new SystemKernel("bind");
        var inside = new Occupancy();
        using var firstCallback = new ManualResetEventSlim();
        Notification ready = null!;
        kernel.AddInstance("server", new ScriptedComponent
        {
            OnInit = _ => ready.RegisterCallback(_ =>
            {
                inside.Occupy("callback");
                firstCallback.Set();
            }),
        }, hasControl: false);
        ready = kernel.CreateNotification("server", "ready", boundTo: "calc");
        var endpoint = kernel.Serve("server", "calc", new CalculatorDispatcher(new SignallingCalculator(() => inside.Occupy("call"))));
        kernel.Start();

        Bounded.RunThreads(
            () =>
            {
                var client = new CalculatorClient(endpoint, badge: 1);
                for (var i = 0; i < Rounds; i++)
                {
                    client.Add(i, 1);
                }
            },
            () =>
            {
                for (var i = 0; i < Rounds; i++)
                {
                    ready.Signal(1);
                }
            });

        Assert.True(firstCallback.Wait(Bounded.Wait));
        Assert.Equal(Rounds, inside.Entries("call"));
        Assert.Equal(1, inside.MostAtOnce);
        Assert.Single(inside.ThreadIds);
        Assert.Empty(kernel.Faults);
    }

    [Fact]
    public void On_a_unicore_server_the_callback_runs_on_its_cpu_after_a_call_that_awaited()
    {
        using var kernel = new SystemKernel("bind");
        var journal = new ConcurrentQueue<string>();
        using var delivered = new ManualResetEventSlim();
        VirtualCpu? callbackCpu = null;
        Notification ready = null!;
        var server = kernel.AddInstance("server", new ScriptedComponent
        {
            OnInit = _ => ready.RegisterCallback(bits =>
            {
                callbackCpu = VirtualCpu.Current;
                journal.Enqueue($"callback {bits}");
                delivered.Set();
            }),
        }, new InstanceOptions { Threading = new UnicoreThreadingModel("server") });
        ready = kernel.CreateNotification("server", "ready", boundTo: "calc");
        var endpoint = kernel.Serve("server", "calc", new CalculatorAsyncDispatcher(new AwaitingCalculator(async () =>
        {
            journal.Enqueue("call");
            ready.Signal(4);
            // The CPU is free while the handler awaits, yet the interface thread is still in the call.
            await Task.Yield();
            journal.Enqueue("call returns");
        })));
        kernel.Start();

        Assert.Equal(3, new CalculatorClient(endpoint, badge: 1).Add(1, 2));

        Assert.True(delivered.Wait(Bounded.Wait));
        Assert.Equal(["call", "call returns", "callback 4"], journal);
        Assert.Same(server.Cpu, callbackCpu);
    }

    [Fact]
    public void With_several_interface_threads_one_of_them_delivers()
    {
        var (kernel, ready, threads) = ServerRecordingCallbackThreads();
        using var owned = kernel;
        kernel.Serve("server", "calc", new CalculatorDispatcher(new Calculator()), threads: 3);
        kernel.Start();

        ready.Signal(1);

        Assert.True(threads.TryTake(out var name, Bounded.Wait));
        Assert.Contains(name, new[] { "server.calc.0", "server.calc.1", "server.calc.2" });
    }

    [Fact]
    public void A_failing_callback_is_a_fault_of_the_interface_thread_which_carries_on_serving()
    {
        using var kernel = new SystemKernel("bind");
        using var delivered = new ManualResetEventSlim();
        Notification ready = null!;
        kernel.AddInstance("server", new ScriptedComponent
        {
            OnInit = _ => ready.RegisterCallback(_ =>
            {
                delivered.Set();
                throw new InvalidOperationException("callback broke");
            }),
        }, hasControl: false);
        ready = kernel.CreateNotification("server", "ready", boundTo: "calc");
        var endpoint = kernel.Serve("server", "calc", new CalculatorDispatcher(new SignallingCalculator(() => { })));
        kernel.Start();

        ready.Signal(1);
        Assert.True(delivered.Wait(Bounded.Wait));

        // The call queues behind the failed delivery, so its reply means the fault is recorded.
        Assert.Equal(5, new CalculatorClient(endpoint, badge: 1).Add(2, 3));
        var fault = Assert.Single(kernel.Faults);
        Assert.Equal("server.calc", fault.Thread);
        Assert.Equal("callback broke", Assert.IsType<CallbackFaultException>(fault.Exception).InnerException!.Message);
    }

    [Fact]
    public void Binding_to_a_passive_interface_is_refused_when_the_system_starts()
    {
        using var kernel = new SystemKernel("bind");
        kernel.AddInstance("server", new ScriptedComponent(), hasControl: false);
        kernel.CreateNotification("server", "ready", boundTo: "calc");
        kernel.ServePassive("server", "calc", new CalculatorDispatcher(new Calculator()));

        Assert.Contains("no interface thread", Assert.Throws<InvalidOperationException>(kernel.Start).Message);
    }

    [Fact]
    public void Bound_to_an_interface_not_served_here_the_event_thread_delivers()
    {
        var (kernel, ready, threads) = ServerRecordingCallbackThreads();
        using var owned = kernel;
        kernel.Start();

        ready.Signal(1);

        Assert.True(threads.TryTake(out var name, Bounded.Wait));
        Assert.Equal("server.events", name);
    }

    // A server whose Init registers a callback on 'ready' (bound to 'calc') that records the name of the thread it runs on.
    private static (SystemKernel Kernel, Notification Ready, BlockingCollection<string?> Threads) ServerRecordingCallbackThreads()
    {
        var kernel = new SystemKernel("bind");
        var threads = new BlockingCollection<string?>();
        Notification ready = null!;
        kernel.AddInstance("server", new ScriptedComponent
        {
            OnInit = _ => ready.RegisterCallback(_ => threads.Add(Thread.CurrentThread.Name)),
        }, hasControl: false);
        ready = kernel.CreateNotification("server", "ready", boundTo: "calc");
        return (kernel, ready, threads);
    }

    /// <summary>Adds, after running <paramref name="during"/> inside the call.</summary>
    private sealed class SignallingCalculator(Action during) : StubCalculator
    {
        public override int Add(int a, int b)
        {
            during();
            return a + b;
        }
    }

    private sealed class AwaitingCalculator(Func<Task> during) : StubAsyncCalculator
    {
        public override async ValueTask<int> AddAsync(int a, int b)
        {
            await during();
            return a + b;
        }
    }
}
