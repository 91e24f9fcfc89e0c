using UxRt.Camkes.Runtime.Notifications;
using UxRt.Camkes.Runtime.Tests.Support;

namespace UxRt.Camkes.Runtime.Tests.Notifications;

public sealed class NotificationTests
{
    [Fact]
    public void Signals_before_a_wait_coalesce_into_one_wake_up_carrying_every_badge()
    {
        var notification = new Notification("consumer", "ready");

        notification.Signal(1);
        notification.Signal(4);
        notification.Signal(4);
        notification.Signal(16);

        Assert.Equal(1 | 4 | 16, notification.Wait());
        Assert.Equal(0, notification.Poll());
    }

    [Fact]
    public void A_counting_notification_counts_every_signal()
    {
        var queue = new Notification("consumer", "items", NotificationMode.Counting);

        for (var i = 0; i < 5; i++)
        {
            queue.Signal();
        }

        Assert.Equal(5, queue.Poll());
        Assert.Equal(0, queue.Poll());
    }

    [Fact]
    public void Poll_returns_zero_without_waiting_when_nothing_was_signalled()
    {
        var notification = new Notification("consumer", "ready");

        Assert.Equal(0, notification.Poll());
        Assert.False(notification.TryWait(TimeSpan.Zero, out var bits));
        Assert.Equal(0, bits);
    }

    [Fact]
    public void A_badge_of_zero_is_refused_because_it_would_wake_nobody()
    {
        var notification = new Notification("consumer", "ready");

        Assert.Throws<ArgumentOutOfRangeException>(() => notification.Signal(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EventEmitter([notification], badge: 0));
    }

    [Fact]
    public void Wait_wakes_when_another_thread_signals()
    {
        var notification = new Notification("consumer", "ready");
        var waiting = new ManualResetEventSlim();
        var received = 0;

        Bounded.RunThreads(
            () =>
            {
                waiting.Set();
                received = notification.Wait();
            },
            () =>
            {
                Assert.True(waiting.Wait(Bounded.Wait));
                notification.Signal(8);
            });

        Assert.Equal(8, received);
    }

    [Fact]
    public void Wait_gives_up_when_cancelled()
    {
        var notification = new Notification("consumer", "ready");
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.Throws<OperationCanceledException>(() => notification.Wait(cancellation.Token));
    }

    [Fact]
    public async Task WaitAsync_completes_when_signalled_without_running_on_the_signalling_thread()
    {
        var notification = new Notification("consumer", "ready");
        var wait = notification.WaitAsync();
        Assert.False(wait.IsCompleted);

        var signaller = new Thread(() => notification.Signal(2));
        signaller.Start();

        Assert.Equal(2, await wait.AsTask().WaitAsync(Bounded.Wait));
        Assert.True(signaller.Join(Bounded.Wait));
    }

    [Fact]
    public async Task WaitAsync_returns_a_pending_signal_at_once_and_honours_cancellation()
    {
        var notification = new Notification("consumer", "ready");
        notification.Signal(1);
        Assert.Equal(1, await notification.WaitAsync());

        using var cancellation = new CancellationTokenSource();
        var wait = notification.WaitAsync(cancellation.Token);
        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await wait);
    }

    [Fact]
    public void An_emitter_reaches_every_consumer_of_its_connection()
    {
        var consumers = Enumerable.Range(0, 3).Select(i => new Notification($"consumer{i}", "tick")).ToList();
        var emitter = new EventEmitter(consumers, badge: 2);

        emitter.Emit();

        Assert.All(consumers, c => Assert.Equal(2, c.Poll()));
    }

    [Fact]
    public void Several_emitters_reach_one_consumer_which_tells_them_apart_by_badge()
    {
        var consumer = new Notification("consumer", "tick");
        var first = new EventEmitter([consumer], badge: 1);
        var second = new EventEmitter([consumer], badge: 2);

        second.Emit();
        Assert.Equal(2, consumer.Poll());

        first.Emit();
        second.Emit();
        Assert.Equal(3, consumer.Poll());
    }

    [Fact]
    public void An_unconnected_emitter_emits_into_nothing()
    {
        EventEmitter.Unconnected.Emit();
    }
}
