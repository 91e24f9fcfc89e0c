using System.ComponentModel;
using UxRt.Camkes.Runtime.Synchronisation;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Glue;

/// <summary>
/// seL4DirectCall into a native component: a plain function call within one group. The handler
/// runs on the caller's thread with no queue and no lock; concurrent callers run concurrently, as
/// in CAmkES. A caller on a virtual CPU may not lend its thread to foreign code that might block,
/// so its calls run on the thread pool instead and it awaits the reply.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DirectEndpoint : Endpoint
{
    private readonly ICallDispatcher _dispatcher;
    private volatile bool _closed;

    public DirectEndpoint(string instance, string interfaceName, ICallDispatcher dispatcher)
        : base(instance, interfaceName, dispatcher)
    {
        _dispatcher = dispatcher;
        Inline = dispatcher is IInlineDispatcher inline ? new InlineCalls(this, inline, turn: null) : null;
    }

    protected override void OnClose()
    {
        _closed = true;
        Inline?.Close();
    }

    protected override bool Deliver(CallFrame frame, bool awaited)
    {
        if (_closed)
        {
            frame.Fault = Closed(frame);
            return true;
        }

        if (VirtualCpu.Current is not null)
        {
            return HandOffToThreadPool(frame);
        }

        Handle(_dispatcher, frame);
        return true;
    }

    internal override void HandleCarried(CallFrame frame)
    {
        // Failed while it waited for a pool thread (the endpoint closed): its caller has its answer already.
        if (!frame.Reply.TryStart())
        {
            return;
        }

        // The awaiting caller waits for this pool thread until it replies; a native caller never waits (a plain call).
        frame.Reply.ServedBy(LockOwner.ForBlockingForm());
        Handle(_dispatcher, frame);
        frame.Reply.Complete();
    }
}
