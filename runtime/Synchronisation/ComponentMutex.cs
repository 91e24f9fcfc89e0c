using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Synchronisation;

/// <summary>
/// <c>has mutex m;</c>: a lock shared by the threads of one component (CAmkES's <c>m_lock()</c>
/// and <c>m_unlock()</c>). Reentrant on the owning thread, and must be unlocked by it.
/// </summary>
public sealed class ComponentMutex(string name)
{
    private readonly Lock _lock = new();

    public string Name { get; } = name;

    public void Lock()
    {
        if (_lock.TryEnter())
        {
            return;
        }

        // Contended: the holder may be a thread of this unicore component waiting for the CPU.
        using (VirtualCpu.Yield())
        {
            _lock.Enter();
        }
    }

    public bool TryLock() => _lock.TryEnter();

    public bool TryLock(TimeSpan timeout)
    {
        if (_lock.TryEnter())
        {
            return true;
        }

        using (VirtualCpu.Yield())
        {
            return _lock.TryEnter(timeout);
        }
    }

    /// <exception cref="SynchronizationLockException">The current thread does not hold the mutex.</exception>
    public void Unlock() => _lock.Exit();

    /// <summary>Locks until the returned scope is disposed: <c>using (Mutex.EnterScope()) { … }</c>.</summary>
    public Scope EnterScope()
    {
        Lock();
        return new Scope(this);
    }

    public bool IsHeldByCurrentThread => _lock.IsHeldByCurrentThread;

    /// <summary>Holds the mutex until disposed.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly ComponentMutex? _mutex;

        internal Scope(ComponentMutex mutex) => _mutex = mutex;

        public void Dispose() => _mutex?.Unlock();
    }
}
