using UxRt.Camkes.Runtime.Notifications;
using UxRt.Camkes.Runtime.Synchronisation;
using UxRt.Camkes.Runtime.Tests.Support;

namespace UxRt.Camkes.Runtime.Tests.Synchronisation;

/// <summary>The awaitable twins of the timed waits: they give up after the timeout, take what is there, and honour cancellation.</summary>
public sealed class TimedAwaitableWaitTests
{
    [Fact]
    public async Task A_semaphore_timed_wait_gives_up_when_nothing_is_posted_and_takes_a_posted_unit()
    {
        var semaphore = new ComponentSemaphore("s");

        Assert.False(await semaphore.TryWaitAsync(TimeSpan.Zero));
        Assert.False(await semaphore.TryWaitAsync(TimeSpan.FromMilliseconds(10)));
        var waiting = semaphore.TryWaitAsync(Bounded.Wait);
        semaphore.Post();
        Assert.True(await waiting);
        Assert.Equal(0, semaphore.Value);
    }

    [Fact]
    public async Task A_binary_semaphore_timed_wait_gives_up_when_not_posted_and_takes_it_when_posted()
    {
        var semaphore = new ComponentBinarySemaphore("inst", "b");

        Assert.False(await semaphore.TryWaitAsync(TimeSpan.FromMilliseconds(10)));
        semaphore.Post();
        Assert.True(await semaphore.TryWaitAsync(Bounded.Wait));
        Assert.False(semaphore.TryWait());
    }

    [Fact]
    public async Task A_notification_timed_wait_returns_the_bits_or_zero_when_nothing_came_in_time()
    {
        var notification = new Notification("inst", "n");

        Assert.Equal(0, await notification.TryWaitAsync(TimeSpan.FromMilliseconds(10)));
        var waiting = notification.TryWaitAsync(Bounded.Wait);
        notification.Signal(6);
        Assert.Equal(6, await waiting);
    }

    [Fact]
    public async Task A_notification_set_timed_wait_returns_the_signal_or_null_when_nothing_came_in_time()
    {
        var first = new Notification("inst", "first");
        var second = new Notification("inst", "second");
        var set = new NotificationSet();
        set.Add(first);
        set.Add(second);

        Assert.Null(await set.TryWaitAsync(TimeSpan.Zero));
        Assert.Null(await set.TryWaitAsync(TimeSpan.FromMilliseconds(10)));
        var waiting = set.TryWaitAsync(Bounded.Wait);
        second.Signal(4);
        var signal = await waiting;
        Assert.Equal(new NotificationSignal(second, 4), signal);
        Assert.False(set.TryPoll(out _));
    }

    [Fact]
    public async Task A_cancelled_notification_set_timed_wait_throws_and_leaves_the_signal()
    {
        var notification = new Notification("inst", "n");
        var set = new NotificationSet();
        set.Add(notification);
        using var cancel = new CancellationTokenSource();
        var waiting = set.TryWaitAsync(Bounded.Wait, cancel.Token);

        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await waiting);
        notification.Signal(2);
        Assert.True(set.TryPoll(out var signal));
        Assert.Equal(2, signal.Bits);
    }

    [Fact]
    public async Task A_cancelled_timed_wait_throws_and_takes_nothing()
    {
        var semaphore = new ComponentSemaphore("s");
        var notification = new Notification("inst", "n");
        using var cancel = new CancellationTokenSource();
        var semaphoreWait = semaphore.TryWaitAsync(Bounded.Wait, cancel.Token);
        var notificationWait = notification.TryWaitAsync(Bounded.Wait, cancel.Token);

        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await semaphoreWait);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await notificationWait);
        semaphore.Post();
        notification.Signal(1);
        Assert.True(semaphore.TryWait());
        Assert.Equal(1, notification.Poll());
    }
}
