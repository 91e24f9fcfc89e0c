using UxRt.Camkes.Runtime.Synchronisation;
using UxRt.Camkes.Runtime.Tests.Support;

namespace UxRt.Camkes.Runtime.Tests.Synchronisation;

public sealed class SynchronisationTests
{
    [Fact]
    public void A_mutex_keeps_concurrent_read_modify_writes_exact()
    {
        var mutex = new ComponentMutex("m");
        var total = 0;

        Bounded.RunThreads(Enumerable.Range(0, 4).Select(_ => (Action)(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                mutex.Lock();
                var seen = total;
                total = seen + 1;
                mutex.Unlock();
            }
        })).ToArray());

        Assert.Equal(40_000, total);
    }

    [Fact]
    public void A_held_mutex_cannot_be_taken_by_another_thread_and_only_its_owner_unlocks_it()
    {
        var mutex = new ComponentMutex("m");
        using (mutex.EnterScope())
        {
            Assert.True(mutex.IsHeldByCurrentThread);
            var takenElsewhere = true;
            var unlockedElsewhere = true;
            Bounded.RunThreads(() =>
            {
                takenElsewhere = mutex.TryLock();
                try
                {
                    mutex.Unlock();
                }
                catch (SynchronizationLockException)
                {
                    unlockedElsewhere = false;
                }
            });

            Assert.False(takenElsewhere);
            Assert.False(unlockedElsewhere);
        }

        Assert.False(mutex.IsHeldByCurrentThread);
        Assert.True(mutex.TryLock());
        mutex.Unlock();
    }

    [Fact]
    public void A_semaphore_starts_at_its_value_and_counts_posts()
    {
        var semaphore = new ComponentSemaphore("s", initialValue: 2);

        Assert.True(semaphore.TryWait());
        Assert.True(semaphore.TryWait());
        Assert.False(semaphore.TryWait());

        semaphore.Post();
        semaphore.Post();
        Assert.Equal(2, semaphore.Value);
    }

    [Fact]
    public void A_semaphore_wait_blocks_until_another_thread_posts()
    {
        var semaphore = new ComponentSemaphore("s");
        var taken = false;

        Bounded.RunThreads(
            () => taken = semaphore.TryWait(Bounded.Wait),
            semaphore.Post);

        Assert.True(taken);
        Assert.Equal(0, semaphore.Value);
    }

    [Fact]
    public void A_binary_semaphore_never_counts_above_one()
    {
        var semaphore = new ComponentBinarySemaphore("inst", "b", initialValue: 1);

        semaphore.Post();
        semaphore.Post();

        Assert.True(semaphore.TryWait());
        Assert.False(semaphore.TryWait());
        Assert.Throws<ArgumentOutOfRangeException>(() => new ComponentBinarySemaphore("inst", "b", initialValue: 2));
    }

    [Fact]
    public void A_binary_semaphore_wait_blocks_until_posted()
    {
        var semaphore = new ComponentBinarySemaphore("inst", "b");
        var taken = false;

        Bounded.RunThreads(
            () => taken = semaphore.TryWait(Bounded.Wait),
            semaphore.Post);

        Assert.True(taken);
        Assert.False(semaphore.TryWait());
    }
}
