using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Rpc;

/// <summary>
/// seL4RPCCall's default: calls queue in arrival order and the interface's own thread serves them
/// one at a time, so the handler never runs on a client's thread.
/// </summary>
public sealed class ThreadedEndpoint : Endpoint
{
    private readonly Queue<CallFrame> _pending = new();
    private readonly object _gate = new();
    private volatile int _queued;
    private bool _closed;

    public ThreadedEndpoint(string instance, string interfaceName, ICallDispatcher dispatcher, VirtualCpu? serverCpu = null)
        : base(instance, interfaceName, dispatcher, serverCpu)
    {
    }

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
        while (true)
        {
            CallFrame? frame;
            using (VirtualCpu.Yield())
            {
                frame = Receive();
            }

            if (frame is null)
            {
                return;
            }

            Handle(frame);
            frame.SignalReply();
        }
    }

    protected override void Transfer(CallFrame frame)
    {
        frame.PrepareForReply();
        lock (_gate)
        {
            if (_closed)
            {
                frame.Fault = Closed(frame);
                return;
            }

            _pending.Enqueue(frame);
            _queued = _pending.Count;
            Monitor.Pulse(_gate);
        }

        frame.WaitForReply();
    }

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
