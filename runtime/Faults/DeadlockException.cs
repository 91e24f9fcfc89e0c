namespace UxRt.Camkes.Runtime.Faults;

/// <summary>
/// A wait that would have closed a cycle of waits, each waiting for what the next holds or serves
/// (a mutex, a synchronous call), and so would never have ended: the kernel refuses it at once
/// instead of letting every thread in the cycle hang. <see cref="Cycle"/> names each wait in
/// order, beginning with the refused one. A refused mutex wait throws it; a refused call fails
/// with a <see cref="ComponentFaultException"/> whose inner exception it is.
/// </summary>
public sealed class DeadlockException(IReadOnlyList<string> cycle)
    : InvalidOperationException($"deadlock refused: {string.Join("; ", cycle)}; so the first wait would never end")
{
    /// <summary>
    /// Each wait of the cycle, beginning with the refused one: <c>server.control waits for mutex
    /// 'books' held by server.worker</c>, <c>thread a.front waits for a call of b.x.ping served by
    /// thread b.x</c>.
    /// </summary>
    public IReadOnlyList<string> Cycle { get; } = cycle;
}
