using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Rpc;

/// <summary>
/// seL4DirectCall: a plain function call within one group. The handler runs on the caller's
/// thread with no queue and no lock; concurrent callers run concurrently, as in CAmkES.
/// </summary>
public sealed class DirectEndpoint : Endpoint
{
    private volatile bool _closed;

    public DirectEndpoint(string instance, string interfaceName, ICallDispatcher dispatcher, VirtualCpu? serverCpu = null)
        : base(instance, interfaceName, dispatcher, serverCpu)
    {
    }

    public override void Close() => _closed = true;

    protected override void Transfer(CallFrame frame)
    {
        if (_closed)
        {
            frame.Fault = Closed(frame);
            return;
        }

        Handle(frame);
    }
}
