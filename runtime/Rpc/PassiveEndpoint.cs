using System.ComponentModel;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Glue;

/// <summary>
/// <c>&lt;iface&gt;_passive = true</c> on a native server: it has no thread of its own; the handler
/// runs on the caller's thread (migrating-thread style), one call at a time. A caller on a virtual
/// CPU has its call run on the thread pool instead, so the server's code never holds that CPU.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PassiveEndpoint : Endpoint
{
    private readonly ICallDispatcher _dispatcher;
    private readonly Lock _serialised = new();
    private volatile bool _closed;

    public PassiveEndpoint(string instance, string interfaceName, ICallDispatcher dispatcher)
        : base(instance, interfaceName, dispatcher) => _dispatcher = dispatcher;

    public override void Close() => _closed = true;

    protected override bool Deliver(CallFrame frame, bool awaited)
    {
        if (VirtualCpu.Current is not null && !_closed)
        {
            return HandOffToThreadPool(frame);
        }

        HandleSerialised(frame);
        return true;
    }

    internal override void HandleCarried(CallFrame frame)
    {
        HandleSerialised(frame);
        frame.Reply.Complete();
    }

    private void HandleSerialised(CallFrame frame)
    {
        lock (_serialised)
        {
            if (_closed)
            {
                frame.Fault = Closed(frame);
                return;
            }

            Handle(_dispatcher, frame);
        }
    }
}
