using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Synchronisation;

/// <summary>
/// <c>has mutex m;</c>: a lock shared by the threads of one component (CAmkES's <c>m_lock()</c>
/// and <c>m_unlock()</c>). A native thread locks with <see cref="Lock"/>; a lightweight thread of a
/// unicore component awaits <see cref="LockAsync"/>, which parks only that lightweight thread while
/// another holds the mutex, even across a call out.
/// </summary>
/// <remarks>
/// <para><b>Who owns it.</b> The mutex belongs to whoever locked it, and only that owner may unlock
/// it: on a virtual CPU, the lightweight thread (the control thread, each <c>StartThread</c>
/// thread, each interface thread, each call of a passive or direct interface), wherever it has
/// awaited since; on a native thread, the OS thread for the blocking forms (<see cref="Lock"/>,
/// <see cref="TryLock()"/>, <see cref="EnterScope"/>) and the async flow for the awaitable ones
/// (<see cref="LockAsync"/>, <see cref="TryLockAsync"/>, <see cref="EnterScopeAsync"/>), whichever
/// pool threads it resumes on. Another lightweight thread's <see cref="Unlock"/> is refused with a
/// <see cref="SynchronizationLockException"/>, and its <see cref="TryLock()"/> fails while the mutex is held.
/// Work a flow starts without the kernel (<c>Task.Run</c>, two un-awaited async methods joined by
/// <c>Task.WhenAll</c>) belongs to that flow; give concurrent work a thread of its own with <c>StartThread</c>.</para>
/// <para><b>Not re-entrant</b>, in every form, as in CAmkES: locking a mutex its owner already
/// holds throws <see cref="LockRecursionException"/> at once instead of deadlocking.</para>
/// <para><b>Lock-order deadlocks are refused</b>: a wait (blocking or awaiting) for a mutex whose
/// holder waits, directly or through others, for one the waiter holds throws
/// <see cref="Faults.DeadlockException"/> naming the cycle, instead of hanging. Only a wait that
/// would block looks; taking a free mutex costs nothing more.</para>
/// </remarks>
public sealed class ComponentMutex(string name) : IWaitTarget
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile LockOwner? _owner;

    // Made in a simulation: its awaitable waits are completed by controlled threads (null otherwise).
    private readonly Simulation.SimulatedWaiters? _simulated = Simulation.Controlled.Scheduler is { } simulation ? new(simulation) : null;

    /// <summary>The mutex <paramref name="name"/> of instance <paramref name="instance"/>, which deadlock reports name with it (the generated glue makes it so).</summary>
    public ComponentMutex(string name, string instance)
        : this(name) => Instance = instance;

    public string Name { get; } = name;

    /// <summary>The instance whose <c>has mutex</c> this is; null when made without one.</summary>
    public string? Instance { get; }

    /// <summary>The current holder, for the wait-for relation; null while free.</summary>
    internal LockOwner? Owner => _owner;

    LockOwner? IWaitTarget.Holder => _owner;

    string IWaitTarget.DescribeWait(LockOwner waiter, LockOwner holder) => $"{waiter.Name} waits for mutex '{Name}'{(Instance is null ? string.Empty : " of " + Instance)} held by {holder.Name}";

    /// <summary>Whether the current lightweight thread, native thread or async flow holds the mutex (see the remarks of <see cref="ComponentMutex"/>).</summary>
    public bool IsHeldByCurrentThread => LockOwner.IsCurrent(_owner);

    /// <summary>Locks, blocking the current native thread while another holds the mutex.</summary>
    /// <exception cref="BlockingOnVirtualCpuException">Called on a virtual CPU, even when the mutex is free: await <see cref="LockAsync"/> there.</exception>
    /// <exception cref="LockRecursionException">The current thread holds the mutex already.</exception>
    /// <exception cref="Faults.DeadlockException">The wait would close a cycle of waits for mutexes.</exception>
    public void Lock()
    {
        Simulation.Controlled.Point("lock", Name);
        BlockingOnVirtualCpuException.ThrowIfOnCpu("locking mutex", Name, "await LockAsync() instead");
        var owner = LockOwner.ForBlockingForm();
        RefuseRecursion(owner);
        TakeBlocking(owner, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Locks without blocking a thread: the awaiting lightweight thread (or flow) parks until the mutex is free.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled before the mutex was taken; it is not held then.</exception>
    /// <exception cref="LockRecursionException">The current lightweight thread or flow holds the mutex already.</exception>
    /// <exception cref="Faults.DeadlockException">The wait would close a cycle of waits for mutexes.</exception>
    public ValueTask LockAsync(CancellationToken cancellation = default)
    {
        // Not an async method: the owner must be made in the caller's flow, where the unlock will look for it.
        var owner = LockOwner.ForAwaitableForm();
        RefuseRecursion(owner);
        if (_gate.Wait(0))
        {
            _owner = owner;
            return default;
        }

        WaitForGraph.Begin(owner, this);
        return LockWhenFreeAsync(owner, cancellation);
    }

    /// <summary>Locks if the mutex is free now; false while anyone else holds it.</summary>
    /// <exception cref="LockRecursionException">The current thread holds the mutex already.</exception>
    public bool TryLock()
    {
        var owner = LockOwner.ForBlockingForm();
        RefuseRecursion(owner);
        if (!_gate.Wait(0))
        {
            return false;
        }

        _owner = owner;
        return true;
    }

    /// <summary>Locks, giving up after <paramref name="timeout"/>; <see cref="TimeSpan.Zero"/> is <see cref="TryLock()"/>.</summary>
    /// <exception cref="BlockingOnVirtualCpuException">Called on a virtual CPU with a timeout other than zero: await <see cref="TryLockAsync"/> there.</exception>
    public bool TryLock(TimeSpan timeout)
    {
        if (timeout == TimeSpan.Zero)
        {
            return TryLock();
        }

        BlockingOnVirtualCpuException.ThrowIfOnCpu("locking mutex", Name, "await TryLockAsync() instead");
        var owner = LockOwner.ForBlockingForm();
        RefuseRecursion(owner);
        return TakeBlocking(owner, timeout);
    }

    /// <summary>Locks without blocking a thread, giving up after <paramref name="timeout"/> (then false, and the mutex is not held).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled first.</exception>
    /// <exception cref="LockRecursionException">The current lightweight thread or flow holds the mutex already.</exception>
    public ValueTask<bool> TryLockAsync(TimeSpan timeout, CancellationToken cancellation = default)
    {
        var owner = LockOwner.ForAwaitableForm();
        RefuseRecursion(owner);
        if (_gate.Wait(0))
        {
            _owner = owner;
            return new ValueTask<bool>(true);
        }

        if (timeout == TimeSpan.Zero)
        {
            return new ValueTask<bool>(false);
        }

        WaitForGraph.Begin(owner, this);
        return TryLockWhenFreeAsync(owner, timeout, cancellation);
    }

    /// <summary>Unlocks the mutex, which the caller must hold.</summary>
    /// <exception cref="SynchronizationLockException">The mutex is free, or held by another lightweight thread, thread or flow.</exception>
    public void Unlock()
    {
        var owner = _owner;
        if (!LockOwner.IsCurrent(owner))
        {
            throw new SynchronizationLockException(owner is null
                ? $"mutex '{Name}' is not locked, so {LockOwner.CurrentName} cannot unlock it"
                : $"mutex '{Name}' is held by {owner.Name}; {LockOwner.CurrentName} cannot unlock it (only the lightweight thread or thread that locked a mutex may unlock it)");
        }

        _owner = null;
        _gate.Release();
        _simulated?.WakeOne();
        Simulation.Controlled.Point("unlock", Name);
    }

    /// <summary>Locks until the returned scope is disposed: <c>using (Mutex.EnterScope()) { … }</c>.</summary>
    public Scope EnterScope()
    {
        Lock();
        return new Scope(this);
    }

    /// <summary>Locks until the returned scope is disposed: <c>using (await Mutex.EnterScopeAsync()) { … }</c>.</summary>
    public ValueTask<Scope> EnterScopeAsync(CancellationToken cancellation = default)
    {
        var locked = LockAsync(cancellation);
        return locked.IsCompletedSuccessfully ? new ValueTask<Scope>(new Scope(this)) : ScopeWhenLockedAsync(locked);
    }

    // The runtime's own awaits resume anywhere (ConfigureAwait(false)): only the user's await comes back
    // to the CPU, so the CPU's work item is the user's method, which is what the watchdog then names.
    private async ValueTask<Scope> ScopeWhenLockedAsync(ValueTask locked)
    {
        await locked.ConfigureAwait(Simulation.Controlled.CaptureContext);
        return new Scope(this);
    }

    // A native thread that must wait is in the wait-for relation until the wait ends; taking a free mutex never looks.
    private bool TakeBlocking(LockOwner owner, TimeSpan timeout)
    {
        if (!_gate.Wait(0))
        {
            WaitForGraph.Begin(owner, this);
            try
            {
                if (!Simulation.Controlled.Wait(_gate, timeout, CancellationToken.None, "mutex", Name, target: this))
                {
                    return false;
                }
            }
            finally
            {
                WaitForGraph.End(owner);
            }
        }

        _owner = owner;
        return true;
    }

    // A parked lightweight thread waits as a blocked thread does: its wait is in the wait-for relation until it ends.
    private async ValueTask LockWhenFreeAsync(LockOwner owner, CancellationToken cancellation)
    {
        try
        {
            await (_simulated?.WaitAsync(_gate, Timeout.InfiniteTimeSpan, cancellation) ?? _gate.WaitAsync(cancellation)).ConfigureAwait(Simulation.Controlled.CaptureContext);
        }
        finally
        {
            WaitForGraph.End(owner);
        }

        _owner = owner;
    }

    private async ValueTask<bool> TryLockWhenFreeAsync(LockOwner owner, TimeSpan timeout, CancellationToken cancellation)
    {
        try
        {
            if (!await (_simulated?.WaitAsync(_gate, timeout, cancellation) ?? _gate.WaitAsync(timeout, cancellation)).ConfigureAwait(Simulation.Controlled.CaptureContext))
            {
                return false;
            }
        }
        finally
        {
            WaitForGraph.End(owner);
        }

        _owner = owner;
        return true;
    }

    private void RefuseRecursion(LockOwner owner)
    {
        if (_owner == owner)
        {
            throw new LockRecursionException($"mutex '{Name}' is already held by {owner.Name}, which locks it again; a component mutex is not re-entrant");
        }
    }

    /// <summary>Holds the mutex until disposed.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly ComponentMutex? _mutex;

        internal Scope(ComponentMutex mutex) => _mutex = mutex;

        public void Dispose() => _mutex?.Unlock();
    }
}
