using System.Collections.Concurrent;
using System.ComponentModel;
using UxRt.Camkes.Runtime.Rpc;

namespace UxRt.Camkes.Runtime.Glue;

/// <summary>
/// An endpoint whose calls queue, in arrival order, for interface threads of its own, so a handler
/// never runs on a client's thread. The queue, the close and the last drain are shared; how a
/// waiting interface thread is woken is the subclass's: one thread (<see cref="ThreadedEndpoint"/>)
/// or several (<see cref="MultiThreadedEndpoint"/>). The signals of a notification bound to the
/// endpoint (seL4NotificationBind) queue with the calls, so an interface thread runs its callback
/// between two calls.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
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

    public override bool HasInterfaceThread => true;

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
            if (frame is BoundSignal signal)
            {
                signal.Deliver();
                continue;
            }

            Handle(_dispatcher, frame);
            frame.Reply.Complete();
        }
    }

    protected override bool Deliver(CallFrame frame, bool awaited)
    {
        if (!EnterDelivery())
        {
            frame.Fault = Closed(frame);
            return true;
        }

        frame.Reply.Prepare(awaited);
        Enqueue(frame);
        return false;
    }

    internal override void PostSignal(BoundSignal signal)
    {
        if (EnterDelivery())
        {
            Enqueue(signal);
        }
    }

    internal override void HandleCarried(CallFrame frame) =>
        throw new InvalidOperationException("a threaded endpoint serves calls on its own threads");

    /// <summary>The next call for an interface thread, waiting for one; null once closed and drained.</summary>
    protected abstract CallFrame? Receive();

    /// <summary>A call was queued: wake an interface thread if none is awake to take it.</summary>
    protected abstract void WakeForCall();

    /// <summary>The endpoint closed: wake every interface thread so it drains and stops.</summary>
    protected abstract void WakeToClose();

    // Announces a delivery in progress, unless the endpoint is closed (then nothing is queued).
    private bool EnterDelivery()
    {
        Interlocked.Increment(ref _delivering);
        if (!_closed)
        {
            return true;
        }

        Interlocked.Decrement(ref _delivering);
        return false;
    }

    private void Enqueue(CallFrame frame)
    {
        _pending.Enqueue(frame);
        Interlocked.Decrement(ref _delivering);
        WakeForCall();
    }

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
