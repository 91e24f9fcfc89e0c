using System.Collections.Concurrent;

namespace UxRt.Camkes.Runtime.Rpc;

/// <summary>
/// seL4RPCCall into a native server whose connector says <c>to Procedure with N threads</c>: N
/// interface threads take calls from one queue, so up to N handlers run at once.
/// <see cref="ThreadedEndpoint"/>'s lock-free hand-off wakes a single parked thread, so it serves the
/// one-thread case; here a semaphore counts queued calls, one permit per call, and each woken
/// thread takes exactly one.
/// </summary>
public sealed class MultiThreadedEndpoint : Endpoint
{
    private readonly ICallDispatcher _dispatcher;
    private readonly ConcurrentQueue<CallFrame> _pending = new();
    private readonly SemaphoreSlim _calls = new(initialCount: 0);

    // Callers between their check of _closed and their enqueue, as in ThreadedEndpoint.
    private int _delivering;
    private volatile bool _closed;

    public MultiThreadedEndpoint(string instance, string interfaceName, ICallDispatcher dispatcher, int threads)
        : base(instance, interfaceName, dispatcher)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _dispatcher = dispatcher;
        Threads = threads;
    }

    /// <summary>How many interface threads serve this endpoint.</summary>
    public int Threads { get; }

    public override void Close()
    {
        _closed = true;
        // One extra permit per thread: each ends the loop of one thread once the queue is drained.
        _calls.Release(Threads);
    }

    /// <summary>The body of each of the <see cref="Threads"/> interface threads: serve calls until the endpoint is closed and drained.</summary>
    public void Serve()
    {
        while (Receive() is { } frame)
        {
            Handle(_dispatcher, frame);
            frame.Reply.Complete();
        }
    }

    protected override bool Deliver(CallFrame frame, bool awaited)
    {
        Interlocked.Increment(ref _delivering);
        if (_closed)
        {
            Interlocked.Decrement(ref _delivering);
            frame.Fault = Closed(frame);
            return true;
        }

        frame.Reply.Prepare(awaited);
        _pending.Enqueue(frame);
        Interlocked.Decrement(ref _delivering);
        _calls.Release();
        return false;
    }

    internal override void HandleCarried(CallFrame frame) =>
        throw new InvalidOperationException("a threaded endpoint serves calls on its own threads");

    // Permits are never fewer than queued calls plus the closing ones, so no thread waits forever.
    private CallFrame? Receive()
    {
        _calls.Wait();
        if (_pending.TryDequeue(out var frame))
        {
            return frame;
        }

        // Only a closing permit finds the queue empty: answer calls that were accepted before Close, then stop.
        var spin = default(SpinWait);
        while (Volatile.Read(ref _delivering) != 0)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }

        return _pending.TryDequeue(out frame) ? frame : null;
    }
}
