using System.Collections.Concurrent;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Notifications;
using UxRt.Camkes.Runtime.Tests.Support;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Tests.Kernel;

/// <summary>
/// A restart tears down what the previous incarnation registered: its notification callbacks, its
/// timers and its threads (through StopRequested), so a restarted Init may register them again.
/// </summary>
public sealed class RestartTeardownTests
{
    private const int CrashBadge = 2;
    private const int PokeBadge = 1;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Three_restarts_of_an_instance_whose_Init_registers_a_callback_and_a_timer_each_start_afresh(bool unicore)
    {
        var pokes = 0;
        var ticks = new ConcurrentDictionary<int, int>();
        var threadsEnded = new ConcurrentQueue<int>();
        Notification? events = null;
        using var kernel = new SystemKernel("restarts");
        var net = kernel.AddInstance("net", new ScriptedComponent
        {
            OnInit = self =>
            {
                var incarnation = self.InitCount;
                var stop = self.Stop;
                events!.RegisterCallback(bits =>
                {
                    if ((bits & CrashBadge) != 0)
                    {
                        throw new InvalidOperationException($"incarnation {incarnation} crashes");
                    }

                    Interlocked.Increment(ref pokes);
                });
                self.StartTimer(TimeSpan.FromMilliseconds(2), () => ticks.AddOrUpdate(incarnation, 1, (_, n) => n + 1));
                self.StartThread("worker", async () =>
                {
                    try
                    {
                        await Task.Delay(Timeout.Infinite, stop);
                    }
                    finally
                    {
                        threadsEnded.Enqueue(incarnation);
                    }
                });
            },
        }, new InstanceOptions { FaultPolicy = FaultPolicy.Restart, Threading = unicore ? new UnicoreThreadingModel("net") : NativeThreadingModel.Instance });
        events = kernel.CreateNotification("net", "requests");
        kernel.Start();

        for (var incarnation = 1; incarnation <= 4; incarnation++)
        {
            Assert.True(SpinWait.SpinUntil(() => net.InitCount == incarnation, Bounded.Wait), $"incarnation {incarnation} was not started");
            Assert.True(SpinWait.SpinUntil(() => ticks.GetValueOrDefault(incarnation) >= 3, Bounded.Wait), $"the timer of incarnation {incarnation} does not tick");

            // The previous incarnation's timer and thread have ended with it.
            if (incarnation > 1)
            {
                var oldTicks = ticks.GetValueOrDefault(incarnation - 1);
                var newTicks = ticks[incarnation];
                Assert.True(SpinWait.SpinUntil(() => ticks[incarnation] >= newTicks + 3, Bounded.Wait));
                Assert.Equal(oldTicks, ticks.GetValueOrDefault(incarnation - 1));
                Assert.True(SpinWait.SpinUntil(() => threadsEnded.Contains(incarnation - 1), Bounded.Wait), $"the thread of incarnation {incarnation - 1} did not end");
            }

            // One callback is registered, not one per incarnation: a signal runs it once.
            var before = Volatile.Read(ref pokes);
            events.Signal(PokeBadge);
            Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref pokes) == before + 1, Bounded.Wait), $"the callback of incarnation {incarnation} did not run");
            events.Signal(PokeBadge);
            Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref pokes) == before + 2, Bounded.Wait));

            if (incarnation < 4)
            {
                events.Signal(CrashBadge);
            }
        }

        Assert.Equal(4, net.InitCount);
        Assert.Equal([1, 2, 3], threadsEnded.Order());
        var faults = kernel.Faults.Where(f => f.Exception is not CpuHeldTooLongException).ToList();
        Assert.Equal(["net.events", "net.events", "net.events"], faults.Select(f => f.Thread));
        Assert.Empty(kernel.Stop());
        Assert.Equal([1, 2, 3, 4], threadsEnded.Order());
    }

    [Fact]
    public void A_control_thread_that_a_restart_asks_to_end_is_replaced_by_the_new_incarnations()
    {
        using var kernel = new SystemKernel("replace");
        Notification? events = null;
        var net = kernel.AddInstance("net", new ScriptedComponent
        {
            OnInit = _ => events!.RegisterCallback(_ => throw new InvalidOperationException("callback crashes")),
            OnRun = self =>
            {
                var stop = self.Stop;
                stop.WaitHandle.WaitOne();
                stop.ThrowIfCancellationRequested();
            },
        }, new InstanceOptions { HasControl = true, FaultPolicy = FaultPolicy.Restart });
        events = kernel.CreateNotification("net", "requests");
        kernel.Start();
        Assert.True(SpinWait.SpinUntil(() => net.RunCount == 1, Bounded.Wait));

        events.Signal();

        // OnRun leaves when its incarnation's token is cancelled; that is an end, not a fault, and the new incarnation runs.
        Assert.True(SpinWait.SpinUntil(() => net.InitCount == 2 && net.RunCount == 2, Bounded.Wait), "the restarted instance has no control thread");
        Assert.False(kernel.WaitForControlThreads(TimeSpan.FromMilliseconds(50)));
        Assert.Single(kernel.Faults, f => f.Exception is not CpuHeldTooLongException);
        Assert.Empty(kernel.Stop());
    }
}
