using UxRt.Camkes.Runtime.Faults;

namespace UxRt.Camkes.Runtime.Rpc;

/// <summary>
/// A synchronous call/reply channel (seL4's endpoint): callers block in <see cref="Call"/> until
/// the server thread has handled their frame. Calls queue in arrival order.
/// </summary>
public sealed class Endpoint
{
    private readonly Queue<CallFrame> _pending = new();
    private readonly object _gate = new();
    private bool _closed;

    private readonly ICallDispatcher _dispatcher;

    public Endpoint(string instance, string interfaceName, ICallDispatcher dispatcher)
    {
        Instance = instance;
        Interface = interfaceName;
        _dispatcher = dispatcher;
    }

    /// <summary>The serving instance.</summary>
    public string Instance { get; }

    /// <summary>The serving interface.</summary>
    public string Interface { get; }

    /// <summary>Sends <paramref name="frame"/> and blocks until the server replies.</summary>
    /// <exception cref="ComponentFaultException">The handler threw, or the endpoint is closed.</exception>
    public void Call(CallFrame frame)
    {
        frame.PrepareForCall();
        lock (_gate)
        {
            if (_closed)
            {
                throw new ComponentFaultException(Instance, Interface, _dispatcher.MethodName(frame.Method), "the server has stopped");
            }

            _pending.Enqueue(frame);
            Monitor.Pulse(_gate);
        }

        frame.WaitForReply();
        if (frame.Fault is { } fault)
        {
            throw fault as ComponentFaultException
                ?? new ComponentFaultException(Instance, Interface, _dispatcher.MethodName(frame.Method), fault);
        }
    }

    /// <summary>Waits for the next call; returns null once the endpoint is closed and drained.</summary>
    public CallFrame? Receive()
    {
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

            return _pending.Dequeue();
        }
    }

    /// <summary>Completes a received call; the caller wakes up and reads the frame.</summary>
    public static void Reply(CallFrame frame) => frame.SignalReply();

    /// <summary>The server side that handles calls arriving here.</summary>
    internal ICallDispatcher Dispatcher => _dispatcher;

    /// <summary>Stops accepting calls; calls already queued are still served.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            Monitor.PulseAll(_gate);
        }
    }
}
