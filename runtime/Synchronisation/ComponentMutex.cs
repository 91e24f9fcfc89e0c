using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Synchronisation;

/// <summary>
/// <c>has mutex m;</c>: a lock shared by the threads of one component (CAmkES's <c>m_lock()</c>
/// and <c>m_unlock()</c>). A native thread locks with <see cref="Lock"/> (reentrant, and it must
/// unlock it itself); a lightweight thread of a unicore component awaits <see cref="LockAsync"/>,
/// which parks only that lightweight thread while another holds the mutex, even across a call out.
/// </summary>
public sealed class ComponentMutex(string name)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Thread? _owningThread;
    private int _depth;

    // Held by a lightweight thread: every lightweight thread shares the CPU's OS thread, so the owner is the CPU.
    private VirtualCpu? _owningCpu;

    public string Name { get; } = name;

    /// <summary>Whether the current (native) thread, or the current virtual CPU, holds the mutex.</summary>
    public bool IsHeldByCurrentThread =>
        _owningThread == Thread.CurrentThread || (_owningCpu is not null && _owningCpu == VirtualCpu.Current);

    /// <summary>Locks, blocking the current native thread while another holds the mutex.</summary>
    /// <exception cref="BlockingOnVirtualCpuException">Called on a virtual CPU: await <see cref="LockAsync"/> there.</exception>
    public void Lock()
    {
        if (_owningThread == Thread.CurrentThread)
        {
            _depth++;
            return;
        }

        BlockingOnVirtualCpuException.ThrowIfOnCpu("locking mutex", Name, "await LockAsync() instead");
        _gate.Wait();
        TakeOwnership();
    }

    /// <summary>Locks without blocking the CPU: the awaiting lightweight thread parks until the mutex is free. Not reentrant.</summary>
    public async ValueTask LockAsync(CancellationToken cancellation = default)
    {
        await _gate.WaitAsync(cancellation);
        TakeOwnership();
    }

    /// <summary>Locks if the mutex is free now.</summary>
    public bool TryLock()
    {
        if (_owningThread == Thread.CurrentThread)
        {
            _depth++;
            return true;
        }

        if (!_gate.Wait(0))
        {
            return false;
        }

        TakeOwnership();
        return true;
    }

    /// <summary>Locks, giving up after <paramref name="timeout"/>.</summary>
    public bool TryLock(TimeSpan timeout)
    {
        if (timeout == TimeSpan.Zero || _owningThread == Thread.CurrentThread)
        {
            return TryLock();
        }

        BlockingOnVirtualCpuException.ThrowIfOnCpu("locking mutex", Name, "await LockAsync() instead");
        if (!_gate.Wait(timeout))
        {
            return false;
        }

        TakeOwnership();
        return true;
    }

    /// <exception cref="SynchronizationLockException">The current thread does not hold the mutex.</exception>
    public void Unlock()
    {
        if (_owningThread == Thread.CurrentThread)
        {
            if (--_depth == 0)
            {
                _owningThread = null;
                _gate.Release();
            }

            return;
        }

        if (_owningCpu is not null && _owningCpu == VirtualCpu.Current)
        {
            _owningCpu = null;
            _gate.Release();
            return;
        }

        throw new SynchronizationLockException($"mutex '{Name}' is not held by the current thread");
    }

    /// <summary>Locks until the returned scope is disposed: <c>using (Mutex.EnterScope()) { … }</c>.</summary>
    public Scope EnterScope()
    {
        Lock();
        return new Scope(this);
    }

    /// <summary>Locks until the returned scope is disposed: <c>using (await Mutex.EnterScopeAsync()) { … }</c>.</summary>
    public async ValueTask<Scope> EnterScopeAsync(CancellationToken cancellation = default)
    {
        await LockAsync(cancellation);
        return new Scope(this);
    }

    private void TakeOwnership()
    {
        if (VirtualCpu.Current is { } cpu)
        {
            _owningCpu = cpu;
        }
        else
        {
            _owningThread = Thread.CurrentThread;
            _depth = 1;
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
