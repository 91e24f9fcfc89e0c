using UxRt.Camkes.Runtime.Diagnostics;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Notifications;

/// <summary>
/// The consuming end of an event (seL4's notification object): a word that signals update without
/// ever blocking, and that a wait reads and clears. The consumer waits, polls, awaits, registers a
/// callback (run on its own event thread) or adds the notification to a <see cref="NotificationSet"/>.
/// </summary>
public sealed class Notification
{
    private readonly NotificationMode _mode;
    private readonly EventLoop? _eventLoop;
    private readonly InterfaceTags _tags;
    private readonly ManualResetEventSlim _wake = new(initialState: false, spinCount: 20);
    private int _word;
    private NotificationSet? _boundSet;
    private TaskCompletionSource? _asyncWake;
    private Action<int>? _callback;

    /// <param name="instance">The consuming instance, for telemetry.</param>
    /// <param name="name">The consuming interface.</param>
    /// <param name="mode">Whether signals coalesce (seL4Notification) or are counted (seL4NotificationQueue).</param>
    /// <param name="eventLoop">The consumer's event thread, where callbacks run; null if callbacks are not offered.</param>
    public Notification(string instance, string name, NotificationMode mode = NotificationMode.Coalescing, EventLoop? eventLoop = null)
    {
        Instance = instance;
        Name = name;
        _mode = mode;
        _eventLoop = eventLoop;
        _tags = new InterfaceTags(instance, name);
    }

    public string Instance { get; }

    public string Name { get; }

    public NotificationMode Mode => _mode;

    /// <summary>
    /// Sets <paramref name="badge"/>'s bits (or counts one signal) and wakes the consumer. Never
    /// blocks, and runs none of the consumer's code on the signalling thread.
    /// </summary>
    public void Signal(int badge = 1)
    {
        ArgumentOutOfRangeException.ThrowIfZero(badge);
        var previous = _mode == NotificationMode.Counting
            ? Interlocked.Increment(ref _word) - 1
            : Interlocked.Or(ref _word, badge);

        if (KernelTelemetry.SignalCount.Enabled)
        {
            KernelTelemetry.SignalCount.Add(1, _tags.Instance, _tags.Interface);
        }

        // Only the transition from empty wakes anyone: a non-empty word already has a wake-up pending.
        if (previous == 0)
        {
            Wake();
        }
    }

    /// <summary>Takes the pending bits (or count) without waiting; 0 if nothing was signalled.</summary>
    public int Poll() => Interlocked.Exchange(ref _word, 0);

    /// <summary>Blocks until signalled, then takes the pending bits (or count).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled first.</exception>
    /// <exception cref="BlockingOnVirtualCpuException">Called on a virtual CPU: await <see cref="WaitAsync"/> there.</exception>
    public int Wait(CancellationToken cancellation = default)
    {
        // Without a timeout the wait returns only once signalled (or throws when cancelled).
        TryWait(Timeout.InfiniteTimeSpan, out var bits, cancellation);
        return bits;
    }

    /// <summary>Like <see cref="Wait"/>, but gives up after <paramref name="timeout"/>.</summary>
    public bool TryWait(TimeSpan timeout, out int bits, CancellationToken cancellation = default)
    {
        if (timeout != TimeSpan.Zero)
        {
            BlockingOnVirtualCpuException.ThrowIfOnCpu("waiting on notification", Name, "await WaitAsync() instead");
        }

        var deadline = Kernel.Deadline.After(timeout);
        while (true)
        {
            // Reset before checking the word: a signal after the check then finds the event to set.
            _wake.Reset();
            bits = Poll();
            if (bits != 0)
            {
                return true;
            }

            if (!_wake.Wait(deadline.Remaining, cancellation))
            {
                bits = Poll();
                return bits != 0;
            }
        }
    }

    /// <summary>
    /// Waits without holding a thread: completes when signalled, with the pending bits (or count).
    /// On a virtual CPU only the awaiting lightweight thread parks; the code after the await runs on the CPU again.
    /// </summary>
    public async ValueTask<int> WaitAsync(CancellationToken cancellation = default)
    {
        while (true)
        {
            if (Poll() is var bits and not 0)
            {
                return bits;
            }

            var wake = Volatile.Read(ref _asyncWake);
            if (wake is null)
            {
                var fresh = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                wake = Interlocked.CompareExchange(ref _asyncWake, fresh, null) ?? fresh;
            }

            // Installed before this re-check, so a signal after it is certain to complete `wake`.
            if (Volatile.Read(ref _word) != 0)
            {
                continue;
            }

            await wake.Task.WaitAsync(cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs <paramref name="callback"/> with the pending bits on the consumer's event thread (a
    /// lightweight thread on its CPU when the consumer is unicore) each time the notification is signalled, until the returned registration is disposed. While a
    /// callback is registered it consumes the signals, so do not also wait on the notification.
    /// </summary>
    public IDisposable RegisterCallback(Action<int> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var eventLoop = _eventLoop ?? throw new InvalidOperationException($"notification '{Name}' of '{Instance}' has no event thread to run callbacks on");
        if (Interlocked.CompareExchange(ref _callback, callback, null) is not null)
        {
            throw new InvalidOperationException($"notification '{Name}' of '{Instance}' already has a callback");
        }

        try
        {
            eventLoop.Watch(this);
        }
        catch
        {
            Volatile.Write(ref _callback, null);
            throw;
        }

        return new CallbackRegistration(this, eventLoop);
    }

    internal NotificationSet? BoundSet => Volatile.Read(ref _boundSet);

    /// <summary>What a poll set reports for this notification (the notification, or the transport endpoint it stands for); kept here so a wake-up needs no lookup.</summary>
    internal object? PollSource { get; set; }

    /// <summary>Routes wake-ups to <paramref name="set"/> (a notification belongs to one set at a time, like a bound notification in seL4).</summary>
    internal void Bind(NotificationSet set)
    {
        if (Interlocked.CompareExchange(ref _boundSet, set, null) is { } existing && existing != set)
        {
            throw new InvalidOperationException($"notification '{Name}' of '{Instance}' is already waited on by another set");
        }

        // A signal that arrived before binding saw no set: hand it over now.
        if (Volatile.Read(ref _word) != 0)
        {
            set.MarkReady(this);
        }
    }

    internal void Unbind(NotificationSet set) => Interlocked.CompareExchange(ref _boundSet, null, set);

    /// <summary>Called on the event thread with bits taken from this notification.</summary>
    internal void Deliver(int bits)
    {
        if (Volatile.Read(ref _callback) is { } callback)
        {
            callback(bits);
        }
        else
        {
            // Unregistered in the meantime: give the bits back to whoever waits next.
            Restore(bits);
        }
    }

    private void Restore(int bits)
    {
        var previous = _mode == NotificationMode.Counting ? Interlocked.Add(ref _word, bits) - bits : Interlocked.Or(ref _word, bits);
        if (previous == 0)
        {
            Wake();
        }
    }

    private void Wake()
    {
        BoundSet?.MarkReady(this);
        _wake.Set();
        Interlocked.Exchange(ref _asyncWake, null)?.TrySetResult();
    }

    private sealed class CallbackRegistration(Notification notification, EventLoop eventLoop) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                eventLoop.Unwatch(notification);
                Volatile.Write(ref notification._callback, null);
            }
        }
    }
}
