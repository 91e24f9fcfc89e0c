using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Synchronisation;
using UxRt.Camkes.Runtime.Tests.Support;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Tests.Synchronisation;

/// <summary>
/// A mutex belongs to the lightweight thread (or native thread, or async flow) that locked it,
/// wherever that has awaited since: no other lightweight thread of the same CPU may unlock it or
/// take it while it is held. It is not re-entrant, in any form.
/// </summary>
public sealed class MutexOwnershipTests
{
    [Fact]
    public void While_a_lightweight_thread_holds_the_mutex_across_an_await_another_on_the_same_cpu_neither_owns_it_nor_unlocks_nor_takes_it()
    {
        var mutex = new ComponentMutex("m");
        var holderParked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holderMayGo = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = new List<string>();
        OnCpu(cpu =>
        {
            var holder = cpu.Spawn(async () =>
            {
                await mutex.LockAsync();
                holderParked.SetResult();
                await holderMayGo.Task;
                seen.Add($"holder owns it after the await: {mutex.IsHeldByCurrentThread}");
                mutex.Unlock();
            });
            var other = cpu.Spawn(async () =>
            {
                await holderParked.Task;
                seen.Add($"other owns it: {mutex.IsHeldByCurrentThread}");
                seen.Add($"other takes it: {mutex.TryLock()}");
                var refused = Assert.Throws<SynchronizationLockException>(mutex.Unlock);
                Assert.Contains("'m'", refused.Message);
                Assert.Contains("held by", refused.Message);
                holderMayGo.SetResult();
                await holder;
                seen.Add($"other takes it once free: {mutex.TryLock()}");
                mutex.Unlock();
            });
            return Task.WhenAll(holder, other);
        });

        Assert.Equal(
            ["other owns it: False", "other takes it: False", "holder owns it after the await: True", "other takes it once free: True"],
            seen);
    }

    [Fact]
    public void The_unlock_refusal_names_the_holder_and_the_would_be_unlocker()
    {
        var mutex = new ComponentMutex("books");
        var holderParked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var message = string.Empty;
        OnCpu(cpu =>
        {
            var holder = cpu.Spawn("owner.control", async () =>
            {
                await mutex.LockAsync();
                holderParked.SetResult();
                await release.Task;
                mutex.Unlock();
            });
            var thief = cpu.Spawn("owner.worker", async () =>
            {
                await holderParked.Task;
                message = Assert.Throws<SynchronizationLockException>(mutex.Unlock).Message;
                release.SetResult();
            });
            return Task.WhenAll(holder, thief);
        });

        Assert.Contains("'books' is held by owner.control", message);
        Assert.Contains("owner.worker cannot unlock it", message);
    }

    [Fact]
    public void A_mutex_locked_in_an_awaited_helper_belongs_to_the_lightweight_thread_that_called_it()
    {
        var mutex = new ComponentMutex("m");
        var ownedAfterHelper = false;
        OnCpu(cpu => cpu.Spawn(async () =>
        {
            await LockAfterAYieldAsync(mutex);
            await Task.Yield();
            ownedAfterHelper = mutex.IsHeldByCurrentThread;
            mutex.Unlock();
        }));

        Assert.True(ownedAfterHelper);
    }

    [Fact]
    public void Locking_again_what_the_lightweight_thread_holds_throws_in_every_form_instead_of_deadlocking()
    {
        var mutex = new ComponentMutex("m");
        var refusals = new List<Type>();
        OnCpu(cpu => cpu.Spawn(async () =>
        {
            await mutex.LockAsync();
            refusals.Add(await ThrownAsync(() => mutex.LockAsync()));
            refusals.Add(await ThrownAsync(async () => await mutex.TryLockAsync(Bounded.Wait)));
            refusals.Add(await ThrownAsync(async () => (await mutex.EnterScopeAsync()).Dispose()));
            refusals.Add(await ThrownAsync(() => new ValueTask(Task.FromResult(mutex.TryLock()))));
            mutex.Unlock();
        }));

        Assert.Equal(Enumerable.Repeat(typeof(LockRecursionException), 4), refusals);
        Assert.False(mutex.IsHeldByCurrentThread);
    }

    [Fact]
    public void A_native_thread_that_locks_twice_is_refused_too()
    {
        var mutex = new ComponentMutex("m");
        Bounded.RunThreads(() =>
        {
            mutex.Lock();
            Assert.Throws<LockRecursionException>(mutex.Lock);
            Assert.Throws<LockRecursionException>(() => mutex.TryLock());
            Assert.Throws<LockRecursionException>(() => mutex.TryLock(Bounded.Wait));
            mutex.Unlock();
            Assert.True(mutex.TryLock());
            mutex.Unlock();
        });
    }

    [Fact]
    public async Task A_native_async_flow_owns_what_it_locked_on_whichever_pool_thread_it_resumes()
    {
        var mutex = new ComponentMutex("m");
        await Task.Run(async () =>
        {
            await mutex.LockAsync();
            await Task.Delay(1);
            await Task.Yield();
            Assert.True(mutex.IsHeldByCurrentThread);
            mutex.Unlock();
        }).WaitAsync(Bounded.Wait);
        Assert.True(mutex.TryLock());
        mutex.Unlock();
    }

    [Fact]
    public void A_thread_started_by_a_holder_does_not_inherit_the_mutex()
    {
        var mutex = new ComponentMutex("m");
        mutex.Lock();
        try
        {
            var ownedByChild = true;
            var takenByChild = true;
            Bounded.RunThreads(() =>
            {
                ownedByChild = mutex.IsHeldByCurrentThread;
                takenByChild = mutex.TryLock();
            });

            Assert.False(ownedByChild);
            Assert.False(takenByChild);
        }
        finally
        {
            mutex.Unlock();
        }
    }

    [Fact]
    public void A_timed_awaitable_lock_gives_up_while_another_holds_it_and_a_cancelled_one_leaves_it_untaken()
    {
        var mutex = new ComponentMutex("m");
        var outcomes = new List<string>();
        var holderParked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        OnCpu(cpu =>
        {
            var holder = cpu.Spawn(async () =>
            {
                await mutex.LockAsync();
                holderParked.SetResult();
                await release.Task;
                mutex.Unlock();
            });
            var waiter = cpu.Spawn(async () =>
            {
                await holderParked.Task;
                outcomes.Add($"timed: {await mutex.TryLockAsync(TimeSpan.FromMilliseconds(20))}");
                outcomes.Add($"zero: {await mutex.TryLockAsync(TimeSpan.Zero)}");
                using var cancel = new CancellationTokenSource();
                var cancelled = mutex.LockAsync(cancel.Token);
                cancel.Cancel();
                outcomes.Add((await ThrownAsync(() => cancelled)).Name);
                outcomes.Add($"owns after cancel: {mutex.IsHeldByCurrentThread}");
                release.SetResult();
                await holder;
                outcomes.Add($"timed once free: {await mutex.TryLockAsync(Bounded.Wait)}");
                mutex.Unlock();
            });
            return Task.WhenAll(holder, waiter);
        });

        Assert.Equal(["timed: False", "zero: False", nameof(OperationCanceledException), "owns after cancel: False", "timed once free: True"], outcomes);
    }

    [Fact]
    public void Each_direct_call_into_a_unicore_server_is_a_lightweight_thread_of_its_own_with_its_own_mutexes()
    {
        using var kernel = new SystemKernel("call ownership");
        kernel.AddInstance("server", new ScriptedComponent(), new InstanceOptions { Threading = new UnicoreThreadingModel("server") });
        var probe = new ForeignUnlockProbe(new ComponentMutex("m"));
        var endpoint = kernel.Serve(EndpointKind.Direct, "server", "calc", new CalculatorAsyncDispatcher(probe));
        kernel.Start();

        Bounded.RunThreads(
            () => Assert.Equal(2, new CalculatorClient(endpoint, badge: 1).Add(1, 1)),
            () =>
            {
                Assert.True(probe.Held.Wait(Bounded.Wait));
                Assert.Equal(4, new CalculatorClient(endpoint, badge: 2).Add(2, 2));
            });

        Assert.Equal(["second call owns it: False", "second call takes it: False", "second call's unlock refused", "first call unlocks it"], probe.Journal);
        Assert.Empty(kernel.Stop());
    }

    /// <summary>The first call locks and holds the mutex across an await until the second has tried to take and unlock it.</summary>
    private sealed class ForeignUnlockProbe(ComponentMutex mutex) : StubAsyncCalculator
    {
        private readonly TaskCompletionSource _secondTried = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ManualResetEventSlim Held { get; } = new();

        public List<string> Journal { get; } = [];

        public override async ValueTask<int> AddAsync(int a, int b)
        {
            if (!Held.IsSet)
            {
                await mutex.LockAsync();
                Held.Set();
                await _secondTried.Task;
                mutex.Unlock();
                Journal.Add("first call unlocks it");
                return a + b;
            }

            Journal.Add($"second call owns it: {mutex.IsHeldByCurrentThread}");
            Journal.Add($"second call takes it: {mutex.TryLock()}");
            try
            {
                mutex.Unlock();
            }
            catch (SynchronizationLockException)
            {
                Journal.Add("second call's unlock refused");
            }

            _secondTried.SetResult();
            await Task.Yield();
            return a + b;
        }
    }

    private static async Task LockAfterAYieldAsync(ComponentMutex mutex)
    {
        await Task.Yield();
        await mutex.LockAsync();
    }

    private static async Task<Type> ThrownAsync(Func<ValueTask> operation)
    {
        try
        {
            await operation();
            return typeof(void);
        }
        catch (Exception exception)
        {
            return exception.GetType();
        }
    }

    // Runs the lightweight threads `start` spawns on a fresh CPU and fails (rather than hangs) if they do not finish.
    private static void OnCpu(Func<VirtualCpu, Task> start)
    {
        var cpu = new VirtualCpu("owner");
        try
        {
            Task? threads = null;
            cpu.Invoke(() => threads = start(cpu));
            Assert.True(threads!.Wait(Bounded.Wait), "the lightweight threads did not finish");
        }
        finally
        {
            Assert.True(cpu.Stop(Bounded.Wait));
        }
    }
}
