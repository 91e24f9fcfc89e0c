using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Synchronisation;
using UxRt.Camkes.Runtime.Tests.Support;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Tests.Synchronisation;

/// <summary>
/// A wait for a mutex that would close a cycle of waits (each waiting for what the next holds)
/// fails at once with the cycle named, on native threads and lightweight threads alike; the
/// others in the cycle then go on. Each test lets the closing wait come last by waiting until the
/// others' waits are recorded, so the outcome never depends on timing.
/// </summary>
public sealed class MutexDeadlockTests
{
    [Fact]
    public void Two_native_threads_locking_two_mutexes_in_opposite_orders_the_second_wait_is_refused_naming_the_cycle()
    {
        var first = new ComponentMutex("first");
        var second = new ComponentMutex("second");
        using var firstHeld = new ManualResetEventSlim();
        DeadlockException? refused = null;
        var holderWentOn = false;

        Bounded.RunThreads(
            () =>
            {
                Thread.CurrentThread.Name = "left";
                first.Lock();
                firstHeld.Set();
                SpinWait.SpinUntil(() => second.IsHeldBy("right"), Bounded.Wait);
                second.Lock();
                holderWentOn = true;
                second.Unlock();
                first.Unlock();
            },
            () =>
            {
                Thread.CurrentThread.Name = "right";
                firstHeld.Wait(Bounded.Wait);
                second.Lock();
                Assert.True(SpinWait.SpinUntil(() => first.Owner?.WaitingFor == second, Bounded.Wait), "left never waited");
                try
                {
                    first.Lock();
                }
                catch (DeadlockException deadlock)
                {
                    refused = deadlock;
                }
                finally
                {
                    second.Unlock();
                }
            });

        Assert.NotNull(refused);
        Assert.True(holderWentOn, "the other thread of the cycle did not go on once the wait was refused");
        Assert.Equal(
            ["thread right waits for mutex 'first' held by thread left", "thread left waits for mutex 'second' held by thread right"],
            refused.Cycle);
        Assert.Contains("deadlock", refused.Message);
    }

    [Fact]
    public async Task Three_lightweight_threads_awaiting_in_a_ring_the_closing_wait_is_refused_with_all_three_named()
    {
        var mutexes = new[] { new ComponentMutex("m0"), new ComponentMutex("m1"), new ComponentMutex("m2") };
        var allHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = 0;
        DeadlockException? refused = null;
        var wentOn = 0;
        var cpu = new VirtualCpu("ring");
        try
        {
            Task? ring = null;
            cpu.Invoke(() => ring = Task.WhenAll(Enumerable.Range(0, 3).Select(i => cpu.Spawn($"ring.t{i}", async () =>
            {
                var mine = mutexes[i];
                var next = mutexes[(i + 1) % 3];
                await mine.LockAsync();
                if (++held == 3)
                {
                    allHeld.SetResult();
                }

                await allHeld.Task;
                if (i == 2)
                {
                    // The last to wait: the two others are parked on the mutexes after theirs by now.
                    await Until(() => mutexes[0].Owner?.WaitingFor == mutexes[1] && mutexes[1].Owner?.WaitingFor == mutexes[2]);
                    try
                    {
                        await next.LockAsync();
                    }
                    catch (DeadlockException deadlock)
                    {
                        refused = deadlock;
                        mine.Unlock();
                        return;
                    }
                }
                else
                {
                    await next.LockAsync();
                }

                wentOn++;
                next.Unlock();
                mine.Unlock();
            }))));
            await ring!.WaitAsync(Bounded.Wait);
        }
        finally
        {
            Assert.True(cpu.Stop(Bounded.Wait));
        }

        Assert.NotNull(refused);
        Assert.Equal(2, wentOn);
        Assert.Equal(
            [
                "ring.t2 waits for mutex 'm0' held by ring.t0",
                "ring.t0 waits for mutex 'm1' held by ring.t1",
                "ring.t1 waits for mutex 'm2' held by ring.t2",
            ],
            refused.Cycle);
    }

    [Fact]
    public void Threads_taking_mutexes_in_one_order_under_contention_are_never_refused()
    {
        var outer = new ComponentMutex("outer");
        var inner = new ComponentMutex("inner");
        var total = 0;

        Bounded.RunThreads(Enumerable.Range(0, 4).Select(_ => (Action)(() =>
        {
            for (var i = 0; i < 2_000; i++)
            {
                outer.Lock();
                inner.Lock();
                total++;
                inner.Unlock();
                outer.Unlock();
            }
        })).ToArray());

        Assert.Equal(8_000, total);
    }

    private static async Task Until(Func<bool> condition)
    {
        var waiting = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waiting.Elapsed < Bounded.Wait, "the other waits were never recorded");
            await Task.Delay(1);
        }
    }
}

internal static class MutexHolding
{
    public static bool IsHeldBy(this ComponentMutex mutex, string threadName) => mutex.Owner?.Name == "thread " + threadName;
}
