using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using UxRt.Camkes.Runtime.Diagnostics;
using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Tests.Support;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Tests.Threading;

/// <summary>
/// A work item that holds a virtual CPU past its limit starves every other lightweight thread of
/// the component: the watchdog reports it once. Each hog spins until it has been reported (with a
/// bound), so the report never depends on how fast the machine is.
/// </summary>
[Collection(ProcessWideListeners.Name)]
public sealed class UnicoreWatchdogTests
{
    private static readonly TimeSpan SmallLimit = TimeSpan.FromMilliseconds(50);

    [Fact]
    public void A_work_item_holding_the_cpu_past_its_limit_is_reported_once_as_a_fault_of_the_instance()
    {
        var instance = "hog-" + Guid.NewGuid().ToString("N");
        var logger = new RecordingLogger();
        var stallsCounted = 0L;
        using var listener = ListenForStalls(instance, count => Interlocked.Add(ref stallsCounted, count));
        using var kernel = new SystemKernel("watchdog", logger);
        var model = new UnicoreThreadingModel(instance, SmallLimit);
        kernel.AddInstance(instance, new ScriptedComponent(), new InstanceOptions { Threading = model });
        var hog = new Hog(afterReport: TimeSpan.FromMilliseconds(250));
        var stalls = new ConcurrentQueue<CpuStall>();
        model.Cpu.Stalled += stall =>
        {
            if (stall.WorkItem == Hog.WorkItem)
            {
                stalls.Enqueue(stall);
                hog.Reported.Set();
            }
        };

        kernel.Start();
        model.Cpu.Post(hog.Spin);

        Assert.True(hog.Done.Wait(Bounded.Wait), "the hog never ended");
        Assert.True(hog.Reported.IsSet, "the hog was never reported");

        // It went on spinning for 250 ms (five limits) after its report, and was not reported again.
        var stall = Assert.Single(stalls);
        Assert.Equal((instance, SmallLimit), (stall.Cpu, stall.Limit));
        Assert.True(stall.Held >= SmallLimit, $"reported after only {stall.Held}");
        var fault = Assert.Single(kernel.Faults, f => f.Exception is CpuHeldTooLongException held && held.Stall.WorkItem == Hog.WorkItem);
        Assert.Equal((instance, $"{instance}.cpu"), (fault.Instance, fault.Thread));
        Assert.Same(stall, ((CpuHeldTooLongException)fault.Exception).Stall);
        Assert.Contains($"'{instance}'", fault.Exception.Message);
        Assert.Contains(Hog.WorkItem, fault.Exception.Message);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(instance) && e.Message.Contains(Hog.WorkItem));
        Assert.True(Interlocked.Read(ref stallsCounted) >= 1, "camkes.cpu.stalls was not counted");
        Assert.Empty(kernel.Stop());
    }

    [Fact]
    public void Each_work_item_past_the_limit_is_reported_once_and_the_cpu_runs_on()
    {
        var cpu = new VirtualCpu("two hogs", SmallLimit);
        try
        {
            var hogs = new[] { new Hog(afterReport: TimeSpan.FromMilliseconds(150)), new Hog(afterReport: TimeSpan.FromMilliseconds(150)) };
            var stalls = new ConcurrentQueue<CpuStall>();

            // Nothing but the two hogs runs on this CPU, so every stall is the running hog's.
            cpu.Stalled += stall =>
            {
                stalls.Enqueue(stall);
                hogs.FirstOrDefault(h => h.IsRunning)?.Reported.Set();
            };

            foreach (var hog in hogs)
            {
                cpu.Post(hog.Spin);
            }

            Assert.All(hogs, hog => Assert.True(hog.Done.Wait(Bounded.Wait)));
            Assert.All(hogs, hog => Assert.True(hog.Reported.IsSet));
            Assert.Equal(2, stalls.Count);
            Assert.All(stalls, stall => Assert.Equal(Hog.WorkItem, stall.WorkItem));
            var ranAfter = false;
            cpu.Invoke(() => ranAfter = true);
            Assert.True(ranAfter);
        }
        finally
        {
            Assert.True(cpu.Stop(Bounded.Wait));
        }
    }

    [Fact]
    public void Work_items_shorter_than_the_limit_are_not_reported()
    {
        using var kernel = new SystemKernel("within limits");
        var model = new UnicoreThreadingModel("brief", TimeSpan.FromSeconds(10));
        var stalls = new ConcurrentQueue<CpuStall>();
        model.Cpu.Stalled += stalls.Enqueue;
        kernel.AddInstance("brief", new ScriptedComponent
        {
            OnRunAsync = async _ =>
            {
                for (var i = 0; i < 20; i++)
                {
                    Spin(TimeSpan.FromMilliseconds(5));
                    await Task.Yield();
                }
            },
        }, new InstanceOptions { HasControl = true, Threading = model });

        kernel.Start();

        Assert.True(kernel.WaitForControlThreads(Bounded.Wait));
        Assert.Empty(kernel.Stop());
        Assert.Empty(stalls);
        Assert.Empty(kernel.Faults);
    }

    [Fact]
    public async Task A_lightweight_thread_awaiting_longer_than_the_limit_does_not_hold_the_cpu()
    {
        var cpu = new VirtualCpu("patient", TimeSpan.FromMilliseconds(500));
        try
        {
            var stalls = new ConcurrentQueue<CpuStall>();
            cpu.Stalled += stalls.Enqueue;
            var waited = Stopwatch.StartNew();

            await cpu.Spawn(() => Task.Delay(TimeSpan.FromMilliseconds(1_500))).WaitAsync(Bounded.Wait);

            // The await really spanned three hold limits (timers may fire a tick early).
            Assert.True(waited.Elapsed >= TimeSpan.FromMilliseconds(1_400), $"waited only {waited.Elapsed}");
            Assert.Empty(stalls);
        }
        finally
        {
            Assert.True(cpu.Stop(Bounded.Wait));
        }
    }

    private static void Spin(TimeSpan duration)
    {
        var spinning = Stopwatch.StartNew();
        while (spinning.Elapsed < duration)
        {
            Thread.SpinWait(100);
        }
    }

    private static MeterListener ListenForStalls(string instance, Action<long> counted)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == KernelTelemetry.SourceName && instrument.Name == "camkes.cpu.stalls")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == KernelTelemetry.InstanceTag && tag.Value as string == instance)
                {
                    counted(value);
                }
            }
        });
        listener.Start();
        return listener;
    }

    /// <summary>
    /// A work item that busy-spins (never blocking) until the watchdog has reported it, and then
    /// for <paramref name="afterReport"/> more: long enough for the watchdog to look at it again and again.
    /// </summary>
    private sealed class Hog(TimeSpan afterReport)
    {
        /// <summary>How the watchdog names this work item: the method it runs.</summary>
        public const string WorkItem = nameof(Hog) + "." + nameof(Spin);

        private volatile bool _running;

        public ManualResetEventSlim Reported { get; } = new();

        public ManualResetEventSlim Done { get; } = new();

        public bool IsRunning => _running;

        public void Spin()
        {
            _running = true;
            var spinning = Stopwatch.StartNew();
            while (!Reported.IsSet && spinning.Elapsed < Bounded.Wait)
            {
                Thread.SpinWait(100);
            }

            UnicoreWatchdogTests.Spin(afterReport);

            _running = false;
            Done.Set();
        }
    }
}
