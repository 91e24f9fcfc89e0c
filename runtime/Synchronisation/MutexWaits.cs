using UxRt.Camkes.Runtime.Faults;

namespace UxRt.Camkes.Runtime.Synchronisation;

/// <summary>
/// The wait-for relation of mutexes, for refusing a wait that would deadlock. Each owner that
/// waits for a held mutex records which (<see cref="LockOwner.WaitingFor"/>); the mutex names its
/// holder. Before waiting, the waiter follows holder → mutex it waits for → holder …: arriving back
/// at itself means nobody in the chain can ever go on. Only a wait that would block pays for this;
/// taking a free mutex never looks. Holders are read as they are now, so a chain whose mutex was
/// released meanwhile ends there instead of reporting a cycle that is already gone.
/// </summary>
internal static class MutexWaits
{
    // Chains longer than this are not followed (and not reported): far beyond any real lock order.
    private const int LongestChain = 64;

    /// <summary>Records that <paramref name="waiter"/> waits for <paramref name="mutex"/>, or throws if that closes a cycle.</summary>
    /// <exception cref="DeadlockException">The wait would never end.</exception>
    public static void Begin(LockOwner waiter, ComponentMutex mutex)
    {
        // A full fence: of two waiters closing one cycle at once, at least one sees the other's wait.
        Interlocked.Exchange(ref waiter.WaitingFor, mutex);
        if (CycleThrough(waiter, mutex) is { } cycle)
        {
            End(waiter);
            throw new DeadlockException(cycle);
        }
    }

    /// <summary>The wait ended (the mutex was taken, the wait gave up or was cancelled).</summary>
    public static void End(LockOwner waiter) => Volatile.Write(ref waiter.WaitingFor, null);

    private static List<string>? CycleThrough(LockOwner waiter, ComponentMutex mutex)
    {
        var waits = new List<string>();
        var current = waiter;
        var wanted = mutex;
        while (waits.Count < LongestChain)
        {
            if (wanted.Owner is not { } holder)
            {
                return null;
            }

            waits.Add($"{current.Name} waits for mutex '{wanted.Name}' held by {holder.Name}");
            if (holder == waiter)
            {
                return waits;
            }

            if (Volatile.Read(ref holder.WaitingFor) is not { } next)
            {
                return null;
            }

            current = holder;
            wanted = next;
        }

        return null;
    }
}
