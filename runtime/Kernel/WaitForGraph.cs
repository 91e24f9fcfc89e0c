using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Synchronisation;

namespace UxRt.Camkes.Runtime.Kernel;

/// <summary>
/// The wait-for relation of the whole system, for refusing a wait that would deadlock. Each
/// waiter (a native thread, a lightweight thread, an async flow: a <see cref="LockOwner"/>) that
/// waits records what for (<see cref="LockOwner.WaitingFor"/>): a held mutex, or the reply to a
/// synchronous call. The target names who must go on for the wait to end (the mutex's holder, the
/// thread serving the call or the one serving the calls queued before it). When a wait begins,
/// the waiter follows target → holder → what the holder waits for …: arriving back at itself means
/// nobody in the chain can ever go on. The walk is one read when the target has no holder (a free
/// mutex is never waited for, an idle interface thread has none), so only a wait behind a busy
/// party pays for it. Holders are read as they are now, so a chain whose wait ended meanwhile ends
/// there instead of reporting a cycle that is already gone.
/// </summary>
internal static class WaitForGraph
{
    // Chains longer than this are not followed (and not reported): far beyond any real call or lock order.
    private const int LongestChain = 64;

    /// <summary>
    /// Whether calls enter the relation (mutex waits always do). Off only through the AppContext
    /// switch <c>UxRt.Camkes.Runtime.UntrackedCallWaits</c>, the baseline of the benchmark that
    /// measures what tracking costs a call; read once, so the JIT drops the test.
    /// </summary>
    public static readonly bool TracksCalls =
        !(AppContext.TryGetSwitch("UxRt.Camkes.Runtime.UntrackedCallWaits", out var untracked) && untracked);

    /// <summary>Records that <paramref name="waiter"/> waits for <paramref name="mutex"/>, or throws if that closes a cycle.</summary>
    /// <exception cref="DeadlockException">The wait would never end.</exception>
    public static void Begin(LockOwner waiter, ComponentMutex mutex)
    {
        if (TryBegin(waiter, mutex) is { } refused)
        {
            throw refused;
        }
    }

    /// <summary>Records that <paramref name="waiter"/> waits for <paramref name="target"/>; the refusal, recording nothing, when that closes a cycle.</summary>
    public static DeadlockException? TryBegin(LockOwner waiter, IWaitTarget target)
    {
        // A full fence: of two waiters closing one cycle at once, at least one sees the other's wait.
        Interlocked.Exchange(ref waiter.WaitingFor, target);
        if (!ClosesCycle(waiter, target, hops: null))
        {
            return null;
        }

        // Described by a second walk, so a wait that closes no cycle never formats a message.
        var hops = new List<string>();
        if (!ClosesCycle(waiter, target, hops))
        {
            return null;
        }

        End(waiter);
        return new DeadlockException(hops);
    }

    /// <summary>The wait ended (the mutex was taken, the call answered, the wait gave up or was cancelled).</summary>
    public static void End(LockOwner waiter) => Volatile.Write(ref waiter.WaitingFor, null);

    private static bool ClosesCycle(LockOwner waiter, IWaitTarget target, List<string>? hops)
    {
        var current = waiter;
        var wanted = target;
        for (var hop = 0; hop < LongestChain; hop++)
        {
            if (wanted.Holder is not { } holder)
            {
                return false;
            }

            hops?.Add(wanted.DescribeWait(current, holder));
            if (holder == waiter)
            {
                return true;
            }

            if (Volatile.Read(ref holder.WaitingFor) is not { } next)
            {
                return false;
            }

            current = holder;
            wanted = next;
        }

        return false;
    }
}
