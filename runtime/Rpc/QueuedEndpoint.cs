using System.Collections.Concurrent;

namespace UxRt.Camkes.Runtime.Rpc;

/// <summary>
/// An endpoint whose calls queue, in arrival order, for interface threads of its own, so a handler
/// never runs on a client's thread. The queue, the close and the last drain are shared; how a
/// waiting interface thread is woken is the subclass's: one thread (<see cref="ThreadedEndpoint"/>)
/// or several (<see cref="MultiThreadedEndpoint"/>).
/// </summary>
public abstract class QueuedEndpoint : Endpoint
{
    private readonly ICallDispatcher _dispatcher;
    private readonly ConcurrentQueue<CallFrame> _pending = new();

    // Callers between their check of _closed and their enqueue: an interface thread waits for
    // them before its last drain, so no call accepted before Close is left unanswered.
    private int _delivering;
    private volatile bool _closed;

    protected QueuedEndpoint(string instance, string interfaceName, ICallDispatcher dispatcher)
        : base(instance, interfaceName, dispatcher) => _dispatcher = dispatcher;

    /// <summary>Whether <see cref="Close"/> was called.</summary>
    protected bool IsClosed => _closed;

    /// <summary>Whether calls are waiting.</summary>
    protected bool HasPending => !_pending.IsEmpty;

    public override void Close()
    {
        _closed = true;
        WakeToClose();
    }

    /// <summary>An interface thread's body: serve calls until the endpoint is closed and drained.</summary>
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
        WakeForCall();
        return false;
    }

    internal override void HandleCarried(CallFrame frame) =>
        throw new InvalidOperationException("a threaded endpoint serves calls on its own threads");

    /// <summary>The next call for an interface thread, waiting for one; null once closed and drained.</summary>
    protected abstract CallFrame? Receive();

    /// <summary>A call was queued: wake an interface thread if none is awake to take it.</summary>
    protected abstract void WakeForCall();

    /// <summary>The endpoint closed: wake every interface thread so it drains and stops.</summary>
    protected abstract void WakeToClose();

    protected bool TryTake(out CallFrame frame) => _pending.TryDequeue(out frame!);

    /// <summary>Closed: answer what callers enqueued before they could see it, then stop.</summary>
    protected CallFrame? LastCall()
    {
        var spin = default(SpinWait);
        while (Volatile.Read(ref _delivering) != 0)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }

        return _pending.TryDequeue(out var frame) ? frame : null;
    }
}
