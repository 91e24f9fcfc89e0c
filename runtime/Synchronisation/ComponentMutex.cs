namespace UxRt.Camkes.Runtime.Synchronisation;

/// <summary>
/// <c>has mutex m;</c>: a lock shared by the threads of one component (CAmkES's <c>m_lock()</c>
/// and <c>m_unlock()</c>). Reentrant on the owning thread, and must be unlocked by it.
/// </summary>
public sealed class ComponentMutex(string name)
{
    private readonly Lock _lock = new();

    public string Name { get; } = name;

    public void Lock() => _lock.Enter();

    public bool TryLock() => _lock.TryEnter();

    public bool TryLock(TimeSpan timeout) => _lock.TryEnter(timeout);

    /// <exception cref="SynchronizationLockException">The current thread does not hold the mutex.</exception>
    public void Unlock() => _lock.Exit();

    /// <summary>Locks until the returned scope is disposed: <c>using (Mutex.EnterScope()) { … }</c>.</summary>
    public Lock.Scope EnterScope() => _lock.EnterScope();

    public bool IsHeldByCurrentThread => _lock.IsHeldByCurrentThread;
}
