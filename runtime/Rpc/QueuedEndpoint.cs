using System.Collections.Concurrent;
using System.ComponentModel;
using UxRt.Camkes.Runtime.Rpc;
using UxRt.Camkes.Runtime.Synchronisation;

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

    // The one interface thread, if there is one: a call queued while it runs another waits behind it.
    private readonly bool _oneThread;
    private LockOwner? _server;

    protected QueuedEndpoint(string instance, string interfaceName, ICallDispatcher dispatcher, int threads)
        : base(instance, interfaceName, dispatcher)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _dispatcher = dispatcher;
        _oneThread = threads == 1;
        TrackInterfaceThreads(threads);
    }

    // With several threads a free one may take the call, so it waits behind nobody in particular.
    // Busy is read from the running slot the thread writes anyway, so serving a call writes nothing more.
    internal override LockOwner? QueuedBehind => _oneThread && IsServing(0) ? Volatile.Read(ref _server) : null;

    /// <summary>Whether <see cref="Close"/> was called.</summary>
    protected bool IsClosed => _closed;

    public override bool HasInterfaceThread => true;

    /// <summary>Whether calls are waiting.</summary>
    protected bool HasPending => !_pending.IsEmpty;

    protected override void OnClose()
    {
        _closed = true;
        WakeToClose();
    }

    /// <summary>An interface thread's body: serve calls until the endpoint is closed and drained.</summary>
    public void Serve() => Serve(thread: _oneThread ? 0 : -1);

    /// <summary>The body of interface thread number <paramref name="thread"/>, which records the call it runs for the stop report.</summary>
    internal void Serve(int thread)
    {
        // Who the callers wait for: this thread, as its handlers' own calls and locks name it.
        var server = LockOwner.ForBlockingForm();
        if (_oneThread)
        {
            Volatile.Write(ref _server, server);
        }

        while (Receive() is { } frame)
        {
            if (frame is BoundSignal signal)
            {
                signal.Deliver();
                continue;
            }

            // Failed while queued (the endpoint closed): its caller has its answer already.
            if (!frame.Reply.TryStart())
            {
                continue;
            }

            frame.Reply.ServedBy(server);
            SetRunning(thread, frame);
            Handle(_dispatcher, frame);
            SetRunning(thread, null);
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

        if (!Accept(frame, awaited))
        {
            Interlocked.Decrement(ref _delivering);
            return true;
        }

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
