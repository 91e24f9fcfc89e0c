using System.Collections.Concurrent;
using System.Diagnostics;
using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Synchronisation;
using UxRt.Camkes.Runtime.Tests.Support;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Tests.Threading;

/// <summary>
/// A lightweight thread that holds its CPU after an await runs as a continuation, which .NET wraps
/// in its own box (<c>AsyncStateMachineBox`1.MoveNext</c>): the watchdog and the stall fault name
/// the user's async method instead, with its component's class, however it was resumed.
/// </summary>
public sealed class WatchdogNamingTests
{
    private static readonly TimeSpan SmallLimit = TimeSpan.FromMilliseconds(50);

    public static TheoryData<string> Resumptions => new(Stalling.Resumptions.Keys);

    [Theory]
    [MemberData(nameof(Resumptions))]
    public async Task A_stall_after_an_await_names_the_async_method_and_its_class(string resumption)
    {
        var cpu = new VirtualCpu("stalling", SmallLimit);
        var stalling = new Stalling();
        var stalls = new ConcurrentQueue<CpuStall>();
        cpu.Stalled += stall =>
        {
            stalls.Enqueue(stall);
            stalling.Reported.Set();
        };
        try
        {
            var thread = cpu.Spawn(() => stalling.HoldAfterAwaitAsync(Stalling.Resumptions[resumption]));

            await thread.WaitAsync(Bounded.Wait);
            Assert.Equal($"{nameof(Stalling)}.{nameof(Stalling.HoldAfterAwaitAsync)}", Assert.Single(stalls).WorkItem);
        }
        finally
        {
            Assert.True(cpu.Stop(Bounded.Wait));
        }
    }

    [Fact]
    public async Task An_async_lambda_is_named_by_the_method_it_is_written_in()
    {
        var cpu = new VirtualCpu("stalling", SmallLimit);
        var reported = new ManualResetEventSlim();
        var stalls = new ConcurrentQueue<CpuStall>();
        cpu.Stalled += stall =>
        {
            stalls.Enqueue(stall);
            reported.Set();
        };
        try
        {
            var thread = cpu.Spawn(async () =>
            {
                await Task.Yield();
                Stalling.SpinUntil(reported);
            });

            await thread.WaitAsync(Bounded.Wait);
            Assert.Equal($"a lambda in {nameof(WatchdogNamingTests)}.{nameof(An_async_lambda_is_named_by_the_method_it_is_written_in)}", Assert.Single(stalls).WorkItem);
        }
        finally
        {
            Assert.True(cpu.Stop(Bounded.Wait));
        }
    }

    [Fact]
    public void The_stall_fault_of_a_unicore_instance_names_the_method_and_the_instance()
    {
        using var kernel = new SystemKernel("watchdog naming");
        var stalling = new Stalling();
        var model = new UnicoreThreadingModel("hog", SmallLimit);
        kernel.AddInstance("hog", new ScriptedComponent { OnRunAsync = _ => stalling.HoldAfterAwaitAsync(Stalling.Resumptions["Task.Yield"]) }, new InstanceOptions { HasControl = true, Threading = model });
        model.Cpu.Stalled += _ => stalling.Reported.Set();

        kernel.Start();

        Assert.True(kernel.WaitForControlThreads(Bounded.Wait));
        var fault = Assert.Single(kernel.Faults, f => f.Exception is CpuHeldTooLongException);
        Assert.Equal("hog", fault.Instance);
        Assert.Contains($"({nameof(Stalling)}.{nameof(Stalling.HoldAfterAwaitAsync)}) of instance 'hog'", fault.Exception.Message);
        Assert.Empty(kernel.Stop());
    }

    /// <summary>Awaits (resumed in one of several ways), then spins on the CPU until the watchdog has reported it.</summary>
    private sealed class Stalling
    {
        public static readonly Dictionary<string, Func<Task>?> Resumptions = new()
        {
            // Not async lambdas: a resumed lambda would be the work item, running the method after it inline.
            ["Task.Yield"] = null,
            ["a task completed by another thread"] = () => CompletedElsewhere(),
            ["a semaphore released by another thread"] = () =>
            {
                var semaphore = new ComponentSemaphore("s");
                AfterThisWorkItem(() => Task.Run(semaphore.Post));
                return semaphore.WaitAsync();
            },
            ["a mutex unlocked by another thread"] = () =>
            {
                var mutex = new ComponentMutex("m");
                var held = new ManualResetEventSlim();
                var holder = new Thread(() =>
                {
                    mutex.Lock();
                    held.Set();
                    Thread.Sleep(10);
                    mutex.Unlock();
                }) { IsBackground = true };
                holder.Start();
                held.Wait(Bounded.Wait);
                return mutex.LockAsync().AsTask();
            },
        };

        public ManualResetEventSlim Reported { get; } = new();

        public async Task HoldAfterAwaitAsync(Func<Task>? resume)
        {
            if (resume is null)
            {
                await Task.Yield();
            }
            else
            {
                await resume();
            }

            SpinUntil(Reported);
        }

        public static void SpinUntil(ManualResetEventSlim reported)
        {
            var spinning = Stopwatch.StartNew();
            while (!reported.IsSet && spinning.Elapsed < Bounded.Wait)
            {
                Thread.SpinWait(100);
            }
        }

        private static Task CompletedElsewhere()
        {
            // Completed by a pool thread only once the CPU has left the current work item, i.e.
            // after the await suspended: completed earlier, the await would not suspend at all
            // (which a loaded machine made happen now and then).
            var completion = new TaskCompletionSource();
            AfterThisWorkItem(() => Task.Run(completion.SetResult));
            return completion.Task;
        }

        // Runs `release` once the CPU has left the current work item, i.e. after the await suspended.
        private static void AfterThisWorkItem(Action release)
        {
            var cpu = SynchronizationContext.Current ?? throw new InvalidOperationException("not on a virtual CPU");
            cpu.Post(_ => release(), null);
        }
    }
}
