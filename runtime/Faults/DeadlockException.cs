namespace UxRt.Camkes.Runtime.Faults;

/// <summary>
/// A wait that would have closed a cycle of waits, each waiting for what the next holds, and so
/// would never have ended: the kernel refuses it at once instead of letting every thread in the
/// cycle hang. <see cref="Cycle"/> names each wait in order, beginning with the refused one.
/// </summary>
public sealed class DeadlockException(IReadOnlyList<string> cycle)
    : InvalidOperationException($"deadlock refused: {string.Join(", which ", cycle)}, which is the waiter: the wait would never end")
{
    /// <summary>Each wait of the cycle, beginning with the refused one: <c>server.control waits for mutex 'books' held by server.worker</c>.</summary>
    public IReadOnlyList<string> Cycle { get; } = cycle;
}
