namespace UxRt.Camkes.Runtime.Rpc;

/// <summary>
/// seL4RPCCall into a native server whose connector says <c>to Procedure with N threads</c>: N
/// interface threads take calls from one queue, so up to N handlers run at once.
/// <see cref="ThreadedEndpoint"/>'s lock-free hand-off wakes a single parked thread, so it serves the
/// one-thread case; here a semaphore counts queued calls, one permit per call, and each woken
/// thread takes exactly one.
/// </summary>
internal sealed class MultiThreadedEndpoint : QueuedEndpoint
{
    private readonly SemaphoreSlim _calls = new(initialCount: 0);

    public MultiThreadedEndpoint(string instance, string interfaceName, ICallDispatcher dispatcher, int threads)
        : base(instance, interfaceName, dispatcher, threads)
    {
        Threads = threads;
    }

    /// <summary>How many interface threads serve this endpoint.</summary>
    public int Threads { get; }

    protected override void WakeForCall() => _calls.Release();

    // One extra permit per thread: each ends the loop of one thread once the queue is drained.
    protected override void WakeToClose() => _calls.Release(Threads);

    // Permits are never fewer than queued calls plus the closing ones, so no thread waits forever.
    protected override CallFrame? Receive()
    {
        Simulation.Controlled.Wait(_calls, Timeout.InfiniteTimeSpan, CancellationToken.None, "calls to", Instance, Interface);
        // Only a closing permit finds the queue empty: answer calls accepted before Close, then stop.
        return TryTake(out var frame) ? frame : LastCall();
    }
}
