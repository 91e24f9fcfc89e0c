using UxRt.Camkes.Runtime.Diagnostics;
using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Notifications;

/// <summary>
/// The consuming end of an event (seL4's notification object): a word that signals update without
/// ever blocking, and that a wait reads and clears. The consumer waits, polls, awaits, registers a
/// callback (run on its own event thread, or on the interface thread of the endpoint it is bound
/// to with seL4NotificationBind) or adds the notification to a <see cref="NotificationSet"/>.
/// </summary>
public sealed class Notification
{
    private readonly NotificationMode _mode;
    private ICallbackRunner? _callbackRunner;
    private readonly InterfaceTags _tags;
    private readonly ManualResetEventSlim _wake = new(initialState: false, spinCount: 20);

    // The simulation the notification was made in; null otherwise, which costs Signal one test.
    private readonly Simulation.SimulationScheduler? _simulation = Simulation.Controlled.Scheduler;
    private int _word;
    private NotificationSet? _boundSet;
    private TaskCompletionSource? _asyncWake;
    // An Action<int> callback is kept as one that completes at once, so both kinds share one delivery path.
    private Func<int, ValueTask>? _callback;

    // Set while a callback is registered on a notification bound to an endpoint: queues its delivery there.
    private Action? _routedWake;

    /// <param name="instance">The consuming instance, for telemetry.</param>
    /// <param name="name">The consuming interface.</param>
    /// <param name="mode">Whether signals coalesce (seL4Notification) or are counted (seL4NotificationQueue).</param>
    /// <param name="eventLoop">The consumer's event thread, where callbacks run; null if callbacks are not offered.</param>
    public Notification(string instance, string name, NotificationMode mode = NotificationMode.Coalescing, EventLoop? eventLoop = null)
        : this(instance, name, mode, (ICallbackRunner?)eventLoop)
    {
    }

    internal Notification(string instance, string name, NotificationMode mode, ICallbackRunner? callbackRunner)
    {
        Instance = instance;
        Name = name;
        _mode = mode;
        _callbackRunner = callbackRunner;
        _tags = new InterfaceTags(instance, name);
    }

    /// <summary>Where its work is counted: its kernel's meter.</summary>
    internal KernelMeters Meters { get; set; } = KernelMeters.Process;

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
        if (_simulation is not null && !_simulation.OnSignal(this, badge))
        {
            return;
        }

        var previous = _mode == NotificationMode.Counting
            ? Interlocked.Increment(ref _word) - 1
            : Interlocked.Or(ref _word, badge);

        if (Meters.SignalCount.Enabled)
        {
            Meters.SignalCount.Add(1, _tags.Instance, _tags.Interface);
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

            if (!Simulation.Controlled.Wait(_wake, deadline.Remaining, cancellation, "notification", Instance, Name))
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
                // Simulated, the wake runs its continuations on the controlled thread that signals, never on the pool.
                var fresh = new TaskCompletionSource(Simulation.Controlled.CaptureContext ? TaskCreationOptions.None : TaskCreationOptions.RunContinuationsAsynchronously);
                wake = Interlocked.CompareExchange(ref _asyncWake, fresh, null) ?? fresh;
            }

            // Installed before this re-check, so a signal after it is certain to complete `wake`.
            if (Volatile.Read(ref _word) != 0)
            {
                continue;
            }

            await wake.Task.WaitAsync(cancellation).ConfigureAwait(Simulation.Controlled.CaptureContext);
        }
    }

    /// <summary>
    /// Like <see cref="WaitAsync"/>, but gives up after <paramref name="timeout"/>: the pending bits
    /// (or count), or 0 when nothing was signalled in time.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled first.</exception>
    public ValueTask<int> TryWaitAsync(TimeSpan timeout, CancellationToken cancellation = default)
    {
        var bits = Poll();
        return bits != 0 || timeout == TimeSpan.Zero ? new ValueTask<int>(bits) : TimedWait.UntilAsync(timeout, WaitAsync, Poll, cancellation);
    }

    /// <summary>
    /// Runs <paramref name="callback"/> with the pending bits on the consumer's event thread (a
    /// lightweight thread on its CPU when the consumer is unicore) each time the notification is
    /// signalled, until the returned registration is disposed. A notification bound to an endpoint
    /// (seL4NotificationBind) runs it on that endpoint's interface thread instead, between calls.
    /// While a callback is registered it consumes the signals, so do not also wait on the notification.
    /// </summary>
    public IDisposable RegisterCallback(Action<int> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return Register(bits =>
        {
            callback(bits);
            return default;
        });
    }

    /// <summary>
    /// Like <see cref="RegisterCallback(Action{int})"/> for a callback that awaits (instead of an
    /// <c>async void</c> one, whose faults nobody sees and which would overlap the next delivery):
    /// the event or interface thread awaits it before it delivers the next signal or takes the next
    /// call, and what it throws, even after an await, is a fault of the consumer like any callback's.
    /// </summary>
    public IDisposable RegisterCallback(Func<int, ValueTask> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return Register(callback);
    }

    private IDisposable Register(Func<int, ValueTask> callback)
    {
        var runner = Volatile.Read(ref _callbackRunner) ?? throw new InvalidOperationException($"notification '{Name}' of '{Instance}' has no event thread to run callbacks on");
        if (Interlocked.CompareExchange(ref _callback, callback, null) is not null)
        {
            throw new InvalidOperationException($"notification '{Name}' of '{Instance}' already has a callback");
        }

        try
        {
            runner.Watch(this);
        }
        catch
        {
            Volatile.Write(ref _callback, null);
            throw;
        }

        var registration = new CallbackRegistration(this, runner);
        OwnRegistration?.Invoke(registration);
        return registration;
    }

    /// <summary>Set by the kernel for a consumer's notification: ties each callback registration to the consumer's current incarnation, so a restart unregisters it.</summary>
    internal Action<IDisposable>? OwnRegistration { get; set; }

    internal NotificationSet? BoundSet => Volatile.Read(ref _boundSet);

    /// <summary>Where callbacks run, when the kernel decides it after creating the notification (seL4NotificationBind binds once every endpoint exists).</summary>
    internal void SetCallbackRunner(ICallbackRunner runner)
    {
        if (Interlocked.CompareExchange(ref _callbackRunner, runner, null) is not null)
        {
            throw new InvalidOperationException($"notification '{Name}' of '{Instance}' already has a place to run callbacks");
        }
    }

    /// <summary>Sends every wake-up to <paramref name="wake"/> as well (null: no longer); a signal already pending is sent at once.</summary>
    internal void RouteWakeUps(Action? wake)
    {
        Volatile.Write(ref _routedWake, wake);
        if (wake is not null && Volatile.Read(ref _word) != 0)
        {
            wake();
        }
    }

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

    /// <summary>
    /// Runs the callback with bits taken from this notification on a native thread that runs
    /// callbacks, waiting for an awaitable one to finish; its exception goes to <paramref name="fault"/>.
    /// </summary>
    internal void Deliver(int bits, Action<Exception> fault)
    {
        var delivered = DeliverAsync(bits, fault);
        if (!delivered.IsCompleted)
        {
            // Never throws: the callback's fault went to `fault`.
            delivered.AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Like <see cref="Deliver"/> on a lightweight thread, which awaits an awaitable callback instead of blocking.</summary>
    internal ValueTask DeliverAsync(int bits, Action<Exception> fault)
    {
        if (Volatile.Read(ref _callback) is not { } callback)
        {
            // Unregistered in the meantime: give the bits back to whoever waits next.
            Restore(bits);
            return default;
        }

        ValueTask running;
        try
        {
            running = callback(bits);
        }
        catch (Exception exception)
        {
            fault(new CallbackFaultException(Name, exception));
            return default;
        }

        return running.IsCompletedSuccessfully ? default : FaultWhenFailedAsync(running, fault);
    }

    private async ValueTask FaultWhenFailedAsync(ValueTask running, Action<Exception> fault)
    {
        try
        {
            // Only the awaiting thread's own await resumes on the CPU (see ComponentMutex).
            await running.ConfigureAwait(Simulation.Controlled.CaptureContext);
        }
        catch (Exception exception)
        {
            fault(new CallbackFaultException(Name, exception));
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
        Volatile.Read(ref _routedWake)?.Invoke();
        _wake.Set();
        Interlocked.Exchange(ref _asyncWake, null)?.TrySetResult();
    }

    private sealed class CallbackRegistration(Notification notification, ICallbackRunner runner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                runner.Unwatch(notification);
                Volatile.Write(ref notification._callback, null);
            }
        }
    }
}
