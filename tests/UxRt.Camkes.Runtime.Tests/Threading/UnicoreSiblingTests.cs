using System.Collections.Concurrent;
using UxRt.Camkes.Runtime.Dataports;
using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Notifications;
using UxRt.Camkes.Runtime.Synchronisation;
using UxRt.Camkes.Runtime.Tests.Support;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Tests.Threading;

/// <summary>
/// A lightweight thread that awaits parks only itself: its siblings on the same CPU run (and
/// finish) meanwhile, and it resumes on the CPU thread. Each test's order of events follows from
/// the CPU's FIFO run queue alone, so it holds however loaded the machine is.
/// </summary>
public sealed class UnicoreSiblingTests
{
    /// <summary>What the control thread awaits (<c>Park</c>) and what its sibling does to end the wait (<c>Wake</c>, never blocking).</summary>
    private static readonly Dictionary<string, Func<Parking>> Parkings = new()
    {
        ["semaphore"] = () =>
        {
            var semaphore = new ComponentSemaphore("s");
            return new Parking(_ => semaphore.WaitAsync(), semaphore.Post);
        },
        ["binary semaphore"] = () =>
        {
            var semaphore = new ComponentBinarySemaphore("parker", "b");
            return new Parking(_ => semaphore.WaitAsync().AsTask(), semaphore.Post);
        },
        ["notification"] = () =>
        {
            var notification = new Notification("parker", "n");
            return new Parking(_ => notification.WaitAsync().AsTask(), () => notification.Signal());
        },
        ["notification set"] = () =>
        {
            var notification = new Notification("parker", "n");
            var set = new NotificationSet();
            set.Add(notification);
            return new Parking(_ => set.WaitAsync().AsTask(), () => notification.Signal());
        },
        ["dataport signal"] = () =>
        {
            var written = new Notification("parker", "written");
            var dataport = new Dataport(new SharedRegion("shared", 64));
            return new Parking(_ => dataport.AcquireWhenSignalledAsync(written).AsTask(), () => written.Signal());
        },
        ["mutex"] = () =>
        {
            // Held by a native thread until the sibling lets it go.
            var mutex = new ComponentMutex("m");
            var release = new ManualResetEventSlim();
            var held = new ManualResetEventSlim();
            var holder = new Thread(() =>
            {
                mutex.Lock();
                held.Set();
                release.Wait(Bounded.Wait);
                mutex.Unlock();
            }) { IsBackground = true };
            holder.Start();
            Assert.True(held.Wait(Bounded.Wait));
            return new Parking(
                async _ =>
                {
                    using (await mutex.EnterScopeAsync())
                    {
                        Assert.True(mutex.IsHeldByCurrentThread);
                    }
                },
                release.Set);
        },

        // Nothing wakes a delay: the sibling, queued before the delay began, runs first whatever the timing.
        ["delay"] = () => new Parking(self => self.DelayAsync(TimeSpan.FromMilliseconds(20)), () => { }),
    };

    public static TheoryData<string> ParkingKinds => new(Parkings.Keys);

    [Theory]
    [MemberData(nameof(ParkingKinds))]
    public void A_lightweight_thread_awaiting_leaves_the_cpu_to_a_sibling_and_resumes_on_the_cpu_thread(string kind)
    {
        var parking = Parkings[kind]();
        var journal = new ConcurrentQueue<string>();
        var resumedOn = 0;
        using var kernel = new SystemKernel("siblings");
        var model = new UnicoreThreadingModel("parker");
        kernel.AddInstance("parker", new ScriptedComponent
        {
            OnRunAsync = async self =>
            {
                var sibling = self.StartThread("sibling", () =>
                {
                    journal.Enqueue("sibling runs");
                    parking.Wake();
                    journal.Enqueue("sibling done");
                    return Task.CompletedTask;
                });
                journal.Enqueue("parking");
                await parking.Park(self);
                resumedOn = Environment.CurrentManagedThreadId;
                journal.Enqueue("resumed");
                await sibling;
            },
        }, new InstanceOptions { HasControl = true, Threading = model });

        kernel.Start();

        Assert.True(kernel.WaitForControlThreads(Bounded.Wait), $"parked on a {kind}, the control thread never resumed");
        Assert.Equal(["parking", "sibling runs", "sibling done", "resumed"], journal);
        Assert.Equal(model.Cpu.ThreadId, resumedOn);
        Assert.DoesNotContain(kernel.Faults, f => f.Exception is not CpuHeldTooLongException);
        Assert.Empty(kernel.Stop());
    }

    [Theory]
    [InlineData(EndpointKind.Threaded)]
    [InlineData(EndpointKind.Passive)]
    [InlineData(EndpointKind.Direct)]
    public void While_one_lightweight_thread_awaits_a_call_out_a_sibling_runs_and_a_call_in_is_served(EndpointKind kind)
    {
        // The native server holds the call until the unicore caller's sibling, and a call into the caller, have both run.
        var journal = new ConcurrentQueue<string>();
        var callArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var arrived = new ManualResetEventSlim();
        var siblingDone = new ManualResetEventSlim();
        var callInServed = new ManualResetEventSlim();
        var resumedOn = 0;
        var result = 0;
        using var kernel = new SystemKernel("call out");
        kernel.AddInstance("native", new ScriptedComponent(), hasControl: false);
        var outward = kernel.Serve(kind, "native", "calc", new CalculatorDispatcher(new HoldingCalculator(() =>
        {
            callArrived.SetResult();
            arrived.Set();
            Assert.True(siblingDone.Wait(Bounded.Wait) && callInServed.Wait(Bounded.Wait), "the caller's CPU was held during its call out");
        })));
        var model = new UnicoreThreadingModel("caller");
        kernel.AddInstance("caller", new ScriptedComponent
        {
            OnRunAsync = async self =>
            {
                var sibling = self.StartThread("sibling", async () =>
                {
                    journal.Enqueue("sibling waits for the call to arrive");
                    await callArrived.Task;
                    journal.Enqueue("sibling done");
                    siblingDone.Set();
                });
                journal.Enqueue("calling out");
                result = await new CalculatorAsyncClient(outward, badge: 1).AddAsync(20, 22);
                resumedOn = Environment.CurrentManagedThreadId;
                journal.Enqueue("call returned");
                await sibling;
            },
        }, new InstanceOptions { HasControl = true, Threading = model });
        var inward = kernel.ServePassive("caller", "calc", new CalculatorDispatcher(new HoldingCalculator(() => journal.Enqueue("call in served"))));

        kernel.Start();
        Bounded.RunThreads(() =>
        {
            Assert.True(arrived.Wait(Bounded.Wait));
            Assert.Equal(3, new CalculatorClient(inward, badge: 2).Add(1, 2));
            callInServed.Set();
        });

        Assert.True(kernel.WaitForControlThreads(Bounded.Wait));
        Assert.Equal(42, result);
        Assert.Equal(model.Cpu.ThreadId, resumedOn);
        Assert.Equal(["calling out", "sibling waits for the call to arrive", "sibling done", "call returned"], journal.Where(e => e != "call in served"));
        Assert.Contains("call in served", journal.TakeWhile(e => e != "call returned"));
        Assert.Empty(kernel.Stop());
    }

    [Fact]
    public void A_served_call_runs_while_the_control_thread_awaits_and_its_post_wakes_it()
    {
        var posted = new ComponentSemaphore("posted");
        var resumedOn = 0;
        using var kernel = new SystemKernel("served wake");
        var model = new UnicoreThreadingModel("sleeper");
        kernel.AddInstance("sleeper", new ScriptedComponent
        {
            OnRunAsync = async _ =>
            {
                await posted.WaitAsync();
                resumedOn = Environment.CurrentManagedThreadId;
            },
        }, new InstanceOptions { HasControl = true, Threading = model });
        var endpoint = kernel.Serve("sleeper", "calc", new CalculatorDispatcher(new HoldingCalculator(posted.Post)));

        kernel.Start();
        Bounded.RunThreads(() => Assert.Equal(3, new CalculatorClient(endpoint, badge: 1).Add(1, 2)));

        Assert.True(kernel.WaitForControlThreads(Bounded.Wait));
        Assert.Equal(model.Cpu.ThreadId, resumedOn);
        Assert.Empty(kernel.Stop());
    }

    [Theory]
    [InlineData(EndpointKind.Threaded)]
    [InlineData(EndpointKind.Passive)]
    [InlineData(EndpointKind.Direct)]
    public void A_mutex_held_across_a_call_out_lets_a_call_back_in_run_and_passes_to_the_next_waiter_on_unlock(EndpointKind kind)
    {
        var journal = new ConcurrentQueue<string>();
        var mutex = new ComponentMutex("m");
        var result = 0;
        Endpoint? intoB = null;
        using var kernel = new SystemKernel("mutex across a call");
        var model = new UnicoreThreadingModel("a");
        kernel.AddInstance("a", new ScriptedComponent
        {
            OnRunAsync = async self =>
            {
                await mutex.LockAsync();
                journal.Enqueue("locked");
                var contender = self.StartThread("contender", async () =>
                {
                    journal.Enqueue("contender waits");
                    using (await mutex.EnterScopeAsync())
                    {
                        journal.Enqueue("contender locked");
                    }
                });

                // b answers by calling back into a, whose CPU must be free for it although the mutex is held.
                result = await new CalculatorAsyncClient(intoB!, badge: 1).AddAsync(20, 22);
                journal.Enqueue("call returned");
                journal.Enqueue("unlocking");
                mutex.Unlock();
                await contender;
            },
        }, new InstanceOptions { HasControl = true, Threading = model });
        var intoA = kernel.Serve(kind, "a", "calc", new CalculatorDispatcher(new HoldingCalculator(() => journal.Enqueue("call back in served"))));
        kernel.AddInstance("b", new ScriptedComponent(), hasControl: false);
        intoB = kernel.Serve(kind, "b", "calc", new CalculatorDispatcher(new RelayingCalculator(new CalculatorClient(intoA, badge: 2))));

        kernel.Start();

        Assert.True(kernel.WaitForControlThreads(Bounded.Wait), "the call back into a deadlocked behind its mutex");
        Assert.Equal(42, result);
        Assert.Equal(["locked", "contender waits", "call back in served", "call returned", "unlocking", "contender locked"], journal);
        Assert.DoesNotContain(kernel.Faults, f => f.Exception is not CpuHeldTooLongException);
        Assert.Empty(kernel.Stop());
    }

    private sealed record Parking(Func<ScriptedComponent, Task> Park, Action Wake);

    /// <summary>Runs <c>onAdd</c> (which may block: this is a native server) before answering <c>add</c>.</summary>
    private sealed class HoldingCalculator(Action onAdd) : StubCalculator
    {
        public override int Add(int a, int b)
        {
            onAdd();
            return a + b;
        }
    }

    /// <summary>Answers <c>add</c> by calling on, so a call into it calls back out.</summary>
    private sealed class RelayingCalculator(ICalculator next) : StubCalculator
    {
        public override int Add(int a, int b) => next.Add(a, b);
    }
}
