using System.Collections.Concurrent;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Notifications;

/// <summary>
/// Waits on many notifications at once: any of them wakes the waiter, which learns which one fired.
/// A signal that finds its notification empty puts it on a ready queue, so the cost of a wake-up
/// does not depend on how many notifications the set holds.
/// </summary>
public sealed class NotificationSet
{
    private readonly ConcurrentQueue<Notification> _ready = new();
    private readonly ManualResetEventSlim _wake = new(initialState: false, spinCount: 20);
    private TaskCompletionSource? _asyncWake;
    private int _count;

    /// <summary>How many notifications the set holds.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Adds <paramref name="notification"/>; a signal already pending is seen by the next wait.</summary>
    /// <exception cref="InvalidOperationException">It already belongs to another set, or has a callback registered.</exception>
    public void Add(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (notification.BoundSet == this)
        {
            return;
        }

        notification.Bind(this);
        Interlocked.Increment(ref _count);
    }

    /// <summary>Removes <paramref name="notification"/>; its pending bits stay on it for a direct wait.</summary>
    public void Remove(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (notification.BoundSet == this)
        {
            notification.Unbind(this);
            Interlocked.Decrement(ref _count);
        }
    }

    /// <summary>Takes a pending signal of any member without waiting.</summary>
    public bool TryPoll(out NotificationSignal signal)
    {
        while (_ready.TryDequeue(out var notification))
        {
            // Entries can be stale: the notification was polled directly, or left the set.
            if (notification.BoundSet == this && notification.Poll() is var bits and not 0)
            {
                signal = new NotificationSignal(notification, bits);
                return true;
            }
        }

        signal = default;
        return false;
    }

    /// <summary>Blocks until any member is signalled.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled first.</exception>
    public NotificationSignal Wait(CancellationToken cancellation = default)
    {
        // Without a timeout the wait returns only once a member is signalled (or throws when cancelled).
        TryWait(Timeout.InfiniteTimeSpan, out var signal, cancellation);
        return signal;
    }

    /// <summary>Like <see cref="Wait"/>, but gives up after <paramref name="timeout"/>.</summary>
    public bool TryWait(TimeSpan timeout, out NotificationSignal signal, CancellationToken cancellation = default)
    {
        if (timeout != TimeSpan.Zero)
        {
            BlockingOnVirtualCpuException.ThrowIfOnCpu("waiting on a notification set", "await WaitAsync() instead");
        }

        var deadline = Kernel.Deadline.After(timeout);
        while (true)
        {
            _wake.Reset();
            if (TryPoll(out signal))
            {
                return true;
            }

            if (!Simulation.Controlled.Wait(_wake, deadline.Remaining, cancellation, "a notification set"))
            {
                return TryPoll(out signal);
            }
        }
    }

    /// <summary>Waits for any member without holding a thread; on a virtual CPU only the awaiting lightweight thread parks.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled first.</exception>
    public async ValueTask<NotificationSignal> WaitAsync(CancellationToken cancellation = default)
    {
        while (true)
        {
            if (TryPoll(out var signal))
            {
                return signal;
            }

            var wake = Volatile.Read(ref _asyncWake);
            if (wake is null)
            {
                // Simulated, the wake runs its continuations on the controlled thread that signals, never on the pool.
                var fresh = new TaskCompletionSource(Simulation.Controlled.CaptureContext ? TaskCreationOptions.None : TaskCreationOptions.RunContinuationsAsynchronously);
                wake = Interlocked.CompareExchange(ref _asyncWake, fresh, null) ?? fresh;
            }

            // Installed before this re-check, so a member marked ready after it is certain to complete `wake`.
            if (!_ready.IsEmpty)
            {
                continue;
            }

            await wake.Task.WaitAsync(cancellation).ConfigureAwait(Simulation.Controlled.CaptureContext);
        }
    }

    /// <summary>
    /// Like <see cref="WaitAsync"/>, but gives up after <paramref name="timeout"/>: null when no
    /// member was signalled in time. The awaitable twin of <see cref="TryWait"/>, for a virtual CPU.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled first.</exception>
    public ValueTask<NotificationSignal?> TryWaitAsync(TimeSpan timeout, CancellationToken cancellation = default)
    {
        var signal = PollOrNull();
        return signal is not null || timeout == TimeSpan.Zero
            ? new ValueTask<NotificationSignal?>(signal)
            : TimedWait.UntilAsync(timeout, async giveUp => (NotificationSignal?)await WaitAsync(giveUp).ConfigureAwait(Simulation.Controlled.CaptureContext), PollOrNull, cancellation);
    }

    private NotificationSignal? PollOrNull() => TryPoll(out var signal) ? signal : null;

    internal void MarkReady(Notification notification)
    {
        _ready.Enqueue(notification);
        _wake.Set();
        Interlocked.Exchange(ref _asyncWake, null)?.TrySetResult();
    }
}
