using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Rpc;

/// <summary>
/// <c>&lt;iface&gt;_passive = true</c>: the server has no thread of its own; the handler runs on
/// the caller's thread (migrating-thread style), one call at a time.
/// </summary>
public sealed class PassiveEndpoint : Endpoint
{
    private readonly Lock _serialised = new();
    private volatile bool _closed;

    public PassiveEndpoint(string instance, string interfaceName, ICallDispatcher dispatcher, VirtualCpu? serverCpu = null)
        : base(instance, interfaceName, dispatcher, serverCpu)
    {
    }

    public override void Close() => _closed = true;

    protected override void Transfer(CallFrame frame)
    {
        lock (_serialised)
        {
            if (_closed)
            {
                frame.Fault = Closed(frame);
                return;
            }

            Handle(frame);
        }
    }
}
