using System.Collections.Concurrent;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Tests.Support;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Tests.Threading;

/// <summary>The virtual CPU on its own: one OS thread, a FIFO run queue, and the context every await of its code comes back to.</summary>
public sealed class VirtualCpuTests
{
    [Fact]
    public void Posted_work_runs_one_item_at_a_time_in_FIFO_order_on_the_cpus_one_thread()
    {
        const int Producers = 4;
        const int ItemsEach = 2_000;
        var cpu = new VirtualCpu("fifo");
        try
        {
            // Touched only on the CPU: a second thread running items would corrupt the list or break the order.
            var ran = new List<(int Producer, int Item)>();
            var threadIds = new ConcurrentDictionary<int, byte>();
            var inside = 0;
            var mostInside = 0;
            Bounded.RunThreads(Enumerable.Range(0, Producers).Select(producer => (Action)(() =>
            {
                for (var item = 0; item < ItemsEach; item++)
                {
                    var entry = (producer, item);
                    cpu.Post(() =>
                    {
                        mostInside = Math.Max(mostInside, Interlocked.Increment(ref inside));
                        threadIds.TryAdd(Environment.CurrentManagedThreadId, 0);
                        ran.Add(entry);
                        Interlocked.Decrement(ref inside);
                    });
                }
            })).ToArray());
            using var drained = new ManualResetEventSlim();
            cpu.Post(drained.Set);
            Assert.True(drained.Wait(Bounded.Wait), "the CPU did not run its queue");

            Assert.Equal(Producers * ItemsEach, ran.Count);
            Assert.All(
                ran.GroupBy(entry => entry.Producer),
                items => Assert.Equal(Enumerable.Range(0, ItemsEach), items.Select(entry => entry.Item)));
            Assert.Equal([cpu.ThreadId], threadIds.Keys);
            Assert.NotEqual(Environment.CurrentManagedThreadId, cpu.ThreadId);
            Assert.Equal(1, mostInside);
        }
        finally
        {
            Assert.True(cpu.Stop(Bounded.Wait));
        }
    }

    [Fact]
    public async Task Every_await_of_a_spawned_lightweight_thread_comes_back_to_the_cpu_thread()
    {
        var cpu = new VirtualCpu("awaits");
        try
        {
            var steps = new List<(string Step, int ThreadId, bool OnCpu, bool CpuContext)>();
            void Record(string step) =>
                steps.Add((step, Environment.CurrentManagedThreadId, VirtualCpu.Current == cpu && cpu.IsCurrent, SynchronizationContext.Current == cpu.Context));

            var completedElsewhere = new TaskCompletionSource<int>();
            var lightweight = cpu.Spawn(async () =>
            {
                Record("start");
                await Task.Yield();
                Record("after Task.Yield");
                await Task.Delay(1);
                Record("after Task.Delay");
                await Task.Run(() => { });
                Record("after a thread-pool task");
                await completedElsewhere.Task;
                Record("after a task completed on another thread");
                await Task.Factory.StartNew(() => Record("a task started on the CPU's scheduler"), CancellationToken.None, TaskCreationOptions.None, cpu.Scheduler);
                Record("end");
            });
            Bounded.RunThreads(() => completedElsewhere.SetResult(1));

            await lightweight.WaitAsync(Bounded.Wait);
            Assert.Equal(7, steps.Count);
            Assert.All(steps, step =>
            {
                Assert.Equal(cpu.ThreadId, step.ThreadId);
                Assert.True(step.OnCpu, $"{step.Step}: not on the CPU");
                Assert.True(step.CpuContext, $"{step.Step}: the CPU is not the synchronization context");
            });
        }
        finally
        {
            Assert.True(cpu.Stop(Bounded.Wait));
        }
    }

    // Why the unicore analyzer flags Task.Run in a unicore component: its body leaves the CPU, so it
    // runs concurrently with the component's other code, on a thread where blocking is not caught.
    [Fact]
    public async Task Task_Run_escapes_the_cpu_to_the_thread_pool()
    {
        var cpu = new VirtualCpu("escape");
        try
        {
            (int ThreadId, VirtualCpu? Cpu, SynchronizationContext? Context) escaped = default;
            var lightweight = cpu.Spawn(() => Task.Run(() => escaped = (Environment.CurrentManagedThreadId, VirtualCpu.Current, SynchronizationContext.Current)));

            await lightweight.WaitAsync(Bounded.Wait);
            Assert.NotEqual(cpu.ThreadId, escaped.ThreadId);
            Assert.Null(escaped.Cpu);
            Assert.NotSame(cpu.Context, escaped.Context);
        }
        finally
        {
            Assert.True(cpu.Stop(Bounded.Wait));
        }
    }

    // ContinueWith and Task.Factory.StartNew without a scheduler use TaskScheduler.Current, which on
    // a CPU is the CPU's own scheduler in everything it runs from its queue: the start of a
    // lightweight thread and every await that resumes through the CPU's context. (.NET hides the
    // scheduler from an await continuation it runs inline as a task completes, so right after
    // awaiting a task that finished on the CPU itself it is the pool's; the analyzer flags both calls.)
    [Fact]
    public async Task ContinueWith_and_Task_Factory_StartNew_stay_on_the_cpu_in_code_the_cpu_resumes()
    {
        var cpu = new VirtualCpu("stays");
        try
        {
            var ran = new ConcurrentQueue<(string What, int ThreadId, bool OnCpu)>();
            void Record(string what) => ran.Enqueue((what, Environment.CurrentManagedThreadId, VirtualCpu.Current == cpu));

            var completedElsewhere = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var lightweight = cpu.Spawn(async () =>
            {
                await Task.Factory.StartNew(() => Record("StartNew before any await"));
                await Task.Yield();
                await Task.Factory.StartNew(() => Record("StartNew after Task.Yield"));

                // That await's continuation ran inline where the CPU finished the task, where
                // TaskScheduler.Current is the pool (README, UXRT1008); had the pool task below
                // finished before its await, the next line would still be there. Yield first, so
                // the step starts in code the CPU resumes, whichever way the pool task finishes.
                await Task.Yield();
                await Task.Run(() => { });
                await Task.CompletedTask.ContinueWith(_ => Record("ContinueWith after awaiting a pool task"));
                await Task.Yield();
                var continued = completedElsewhere.Task.ContinueWith(_ => Record("ContinueWith of a task completed on another thread"));
                _ = Task.Run(completedElsewhere.SetResult);
                await continued;
            });

            await lightweight.WaitAsync(Bounded.Wait);
            Assert.Equal(4, ran.Count);
            Assert.All(ran, step =>
            {
                Assert.True(step.OnCpu, $"{step.What}: ran off the CPU");
                Assert.Equal(cpu.ThreadId, step.ThreadId);
            });
        }
        finally
        {
            Assert.True(cpu.Stop(Bounded.Wait));
        }
    }

    [Fact]
    public void Invoke_runs_on_the_cpu_and_rethrows_there_and_runs_inline_when_already_on_it()
    {
        var cpu = new VirtualCpu("invoke");
        try
        {
            var invokedOn = 0;
            cpu.Invoke(() => invokedOn = Environment.CurrentManagedThreadId);
            Assert.Equal(cpu.ThreadId, invokedOn);

            var failure = new InvalidOperationException("from the CPU");
            Assert.Same(failure, Assert.Throws<InvalidOperationException>(() => cpu.Invoke(() => throw failure)));

            // On its own CPU, Invoke cannot queue and wait (the CPU would wait for itself): it runs inline.
            var nested = new List<string>();
            cpu.Invoke(() =>
            {
                nested.Add("outer");
                cpu.Invoke(() => nested.Add("inner"));
                nested.Add("outer again");
            });
            Assert.Equal(["outer", "inner", "outer again"], nested);
        }
        finally
        {
            Assert.True(cpu.Stop(Bounded.Wait));
        }
    }

    [Fact]
    public void Stop_ends_the_cpu_thread_and_a_cpu_that_never_ran_stops_at_once()
    {
        var cpu = new VirtualCpu("stopping");
        cpu.Invoke(() => { });
        Assert.True(cpu.IsRunning);

        Assert.True(cpu.Stop(Bounded.Wait));
        Assert.False(cpu.IsRunning);

        var idle = new VirtualCpu("idle");
        Assert.True(idle.Stop(TimeSpan.Zero));
        Assert.False(idle.IsRunning);
    }

    [Fact]
    public void A_hold_limit_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new VirtualCpu("zero", TimeSpan.Zero));
        Assert.Equal(VirtualCpu.DefaultHoldLimit, new VirtualCpu("default").HoldLimit);
    }

    [Fact]
    public async Task An_exception_escaping_an_async_void_method_raises_UnhandledException_on_the_cpu_which_keeps_running()
    {
        var cpu = new VirtualCpu("async void");
        try
        {
            var failure = new InvalidOperationException("escaped");
            var raised = new TaskCompletionSource<(Exception Exception, int ThreadId)>(TaskCreationOptions.RunContinuationsAsynchronously);
            cpu.UnhandledException += exception => raised.TrySetResult((exception, Environment.CurrentManagedThreadId));

            cpu.Post(() => ThrowAfterAnAwait(failure));

            var (exception, threadId) = await raised.Task.WaitAsync(Bounded.Wait);
            Assert.Same(failure, exception);
            Assert.Equal(cpu.ThreadId, threadId);
            var stillRunning = false;
            cpu.Invoke(() => stillRunning = true);
            Assert.True(stillRunning);
        }
        finally
        {
            Assert.True(cpu.Stop(Bounded.Wait));
        }
    }

    [Fact]
    public void An_exception_escaping_an_async_void_method_on_an_instances_cpu_is_a_fault_of_that_instance()
    {
        using var kernel = new SystemKernel("async void");
        var model = new UnicoreThreadingModel("fire-and-forget");
        kernel.AddInstance("fire-and-forget", new ScriptedComponent(), new InstanceOptions { Threading = model });
        kernel.Start();
        var failure = new InvalidOperationException("escaped");

        model.Cpu.Post(() => ThrowAfterAnAwait(failure));

        Assert.True(SpinWait.SpinUntil(() => kernel.Faults.Any(f => f.Exception == failure), Bounded.Wait), "no fault was recorded");
        var fault = Assert.Single(kernel.Faults, f => f.Exception == failure);
        Assert.Equal(("fire-and-forget", "fire-and-forget.cpu"), (fault.Instance, fault.Thread));
        var stillRunning = false;
        model.Cpu.Invoke(() => stillRunning = true);
        Assert.True(stillRunning, "the CPU stopped running after the fault");
        Assert.Empty(kernel.Stop());
    }

    [Fact]
    public void Joining_a_lightweight_thread_from_its_own_cpu_never_waits()
    {
        var model = new UnicoreThreadingModel("joiner");
        try
        {
            var release = new TaskCompletionSource();
            var parked = model.StartAsync("joiner.parked", default, () => release.Task);
            bool? joinedOnCpu = null;
            model.Cpu.Invoke(() => joinedOnCpu = parked.Join(Bounded.Wait));

            Assert.False(joinedOnCpu);
            Assert.True(parked.IsAlive);
            release.SetResult();
            Assert.True(parked.Join(Bounded.Wait));
            Assert.False(parked.IsAlive);
        }
        finally
        {
            Assert.True(model.Cpu.Stop(Bounded.Wait));
        }
    }

    private static async void ThrowAfterAnAwait(Exception failure)
    {
        await Task.Yield();
        throw failure;
    }
}
