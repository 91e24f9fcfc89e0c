using UxRt.Camkes.Runtime.Notifications;
using UxRt.Camkes.Runtime.Tests.Support;

namespace UxRt.Camkes.Runtime.Tests.Notifications;

public sealed class NotificationSetTests
{
    [Fact]
    public void A_wait_on_thousands_of_notifications_returns_exactly_those_that_were_signalled()
    {
        var notifications = Enumerable.Range(0, 5_000).Select(i => new Notification("consumer", $"n{i}")).ToArray();
        var set = new NotificationSet();
        foreach (var notification in notifications)
        {
            set.Add(notification);
        }

        int[] signalled = [4_999, 17, 2_500, 0];
        foreach (var index in signalled)
        {
            notifications[index].Signal(index + 1);
        }

        var woken = new List<NotificationSignal>();
        while (set.TryWait(TimeSpan.Zero, out var signal))
        {
            woken.Add(signal);
        }

        Assert.Equal(5_000, set.Count);
        Assert.Equal(signalled.Select(i => notifications[i]), woken.Select(w => w.Source));
        Assert.Equal(signalled.Select(i => i + 1), woken.Select(w => w.Bits));
    }

    [Fact]
    public void A_signal_pending_before_the_notification_joined_the_set_is_seen()
    {
        var notification = new Notification("consumer", "early");
        notification.Signal(2);
        var set = new NotificationSet();

        set.Add(notification);

        Assert.True(set.TryPoll(out var signal));
        Assert.Equal((notification, 2), (signal.Source, signal.Bits));
    }

    [Fact]
    public void A_notification_belongs_to_one_set_at_a_time()
    {
        var notification = new Notification("consumer", "shared");
        var first = new NotificationSet();
        var second = new NotificationSet();
        first.Add(notification);

        Assert.Throws<InvalidOperationException>(() => second.Add(notification));

        first.Remove(notification);
        second.Add(notification);
        notification.Signal();
        Assert.False(first.TryPoll(out _));
        Assert.True(second.TryPoll(out _));
    }

    [Fact]
    public void A_removed_notification_no_longer_wakes_the_set_and_keeps_its_bits()
    {
        var notification = new Notification("consumer", "leaving");
        var set = new NotificationSet();
        set.Add(notification);
        set.Remove(notification);

        notification.Signal(4);

        Assert.False(set.TryWait(TimeSpan.Zero, out _));
        Assert.Equal(4, notification.Poll());
        Assert.Equal(0, set.Count);
    }

    [Fact]
    public void Wait_blocks_until_any_member_is_signalled_from_another_thread()
    {
        var notifications = Enumerable.Range(0, 100).Select(i => new Notification("consumer", $"n{i}")).ToArray();
        var set = new NotificationSet();
        Array.ForEach(notifications, set.Add);
        NotificationSignal received = default;

        Bounded.RunThreads(
            () => received = set.Wait(new CancellationTokenSource(Bounded.Wait).Token),
            () => notifications[63].Signal(1));

        Assert.Same(notifications[63], received.Source);
    }
}
