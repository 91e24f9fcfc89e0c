using System.Collections.Concurrent;

namespace UxRt.Camkes.Runtime.Rpc;

/// <summary>
/// seL4RPCCall's default into a native server: calls queue in arrival order and the interface's
/// own OS thread serves them one at a time, so the handler never runs on a client's thread.
/// The hand-off takes no lock: callers enqueue on a lock-free queue, and the interface thread
/// spins briefly for the next call before it parks (<see cref="HandOffSpin"/>); a caller wakes it
/// only when it has parked.
/// </summary>
public sealed class ThreadedEndpoint : Endpoint
{
    private readonly ICallDispatcher _dispatcher;
    private readonly ConcurrentQueue<CallFrame> _pending = new();
    private readonly ManualResetEventSlim _wake = new(initialState: false, spinCount: 0);

    // 1 while the interface thread is parked (or about to park) on _wake.
    private int _parked;

    // Callers between their check of _closed and their enqueue: the interface thread waits for
    // them before its last drain, so no call accepted before Close is left unanswered.
    private int _delivering;
    private volatile bool _closed;

    public ThreadedEndpoint(string instance, string interfaceName, ICallDispatcher dispatcher)
        : base(instance, interfaceName, dispatcher) => _dispatcher = dispatcher;

    public override void Close()
    {
        _closed = true;
        WakeServer();
    }

    /// <summary>The interface thread's body: serve calls until the endpoint is closed and drained.</summary>
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
        WakeServer();
        return false;
    }

    internal override void HandleCarried(CallFrame frame) =>
        throw new InvalidOperationException("a threaded endpoint serves calls on its own thread");

    // The enqueue (or the write of _closed) comes before this read, and the interface thread
    // announces that it parks before it looks at the queue, so one of the two sees the other.
    private void WakeServer()
    {
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _parked) != 0 && Interlocked.Exchange(ref _parked, 0) != 0)
        {
            _wake.Set();
        }
    }

    private CallFrame? Receive()
    {
        var spin = default(HandOffSpin);
        while (true)
        {
            if (_pending.TryDequeue(out var frame))
            {
                spin.End();
                return frame;
            }

            if (_closed)
            {
                spin.End();
                return LastCall();
            }

            // A client often calls again right after its reply: spinning briefly before parking
            // saves the server a wake-up per call in such call-reply loops.
            if (spin.SpinOnce())
            {
                continue;
            }

            _wake.Reset();
            Volatile.Write(ref _parked, 1);
            Interlocked.MemoryBarrier();
            if (_pending.IsEmpty && !_closed)
            {
                _wake.Wait();
            }

            Volatile.Write(ref _parked, 0);
            spin = default;
        }
    }

    // Closed: answer what callers enqueued before they could see it, then stop.
    private CallFrame? LastCall()
    {
        var spin = default(SpinWait);
        while (Volatile.Read(ref _delivering) != 0)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }

        return _pending.TryDequeue(out var frame) ? frame : null;
    }
}
