namespace UxRt.Camkes.Runtime.Rpc;

/// <summary>
/// seL4RPCCall's default into a native server: calls queue in arrival order and the interface's
/// own OS thread serves them one at a time, so the handler never runs on a client's thread.
/// </summary>
public sealed class ThreadedEndpoint : Endpoint
{
    private readonly ICallDispatcher _dispatcher;
    private readonly Queue<CallFrame> _pending = new();
    private readonly object _gate = new();
    private volatile int _queued;
    private bool _closed;

    public ThreadedEndpoint(string instance, string interfaceName, ICallDispatcher dispatcher)
        : base(instance, interfaceName, dispatcher) => _dispatcher = dispatcher;

    public override void Close()
    {
        lock (_gate)
        {
            _closed = true;
            Monitor.PulseAll(_gate);
        }
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
        lock (_gate)
        {
            if (_closed)
            {
                frame.Fault = Closed(frame);
                return true;
            }

            frame.Reply.Prepare(awaited);

            _pending.Enqueue(frame);
            _queued = _pending.Count;
            Monitor.Pulse(_gate);
        }

        return false;
    }

    internal override void HandleCarried(CallFrame frame) =>
        throw new InvalidOperationException("a threaded endpoint serves calls on its own thread");

    private CallFrame? Receive()
    {
        // A client often calls again right after its reply: spinning briefly before sleeping
        // saves the server a wake-up per call in such call-reply loops.
        var spinner = default(SpinWait);
        while (_queued == 0 && !spinner.NextSpinWillYield)
        {
            spinner.SpinOnce();
        }

        lock (_gate)
        {
            while (_pending.Count == 0)
            {
                if (_closed)
                {
                    return null;
                }

                Monitor.Wait(_gate);
            }

            var frame = _pending.Dequeue();
            _queued = _pending.Count;
            return frame;
        }
    }
}
