using System.ComponentModel;
using UxRt.Camkes.Runtime.Synchronisation;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Glue;

/// <summary>
/// <c>&lt;iface&gt;_passive = true</c> on a native server: it has no thread of its own; the handler
/// runs on the caller's thread (migrating-thread style), one call at a time. A caller on a virtual
/// CPU has its call run on the thread pool instead, so the server's code never holds that CPU.
/// Callers waiting for their turn are failed when the endpoint closes, even if the handler
/// running never returns.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PassiveEndpoint : Endpoint
{
    private readonly ICallDispatcher _dispatcher;
    private readonly PassiveTurn _turn = new();

    // Cancelled on close, so a caller waiting for its turn behind a handler that hangs gives up.
    private readonly CancellationTokenSource _closing = new();
    private volatile bool _closed;

    public PassiveEndpoint(string instance, string interfaceName, ICallDispatcher dispatcher)
        : base(instance, interfaceName, dispatcher)
    {
        _dispatcher = dispatcher;
        Inline = dispatcher is IInlineDispatcher inline ? new InlineCalls(this, inline, _turn) : null;
    }

    internal override LockOwner? QueuedBehind => _turn.Serving;

    /// <summary>Callers waiting for the handler running before them (what tests wait for before they stop the system).</summary>
    internal int WaitingCount => _turn.WaitingCount;

    protected override void OnClose()
    {
        _closed = true;
        Inline?.Close();
        _closing.Cancel();
    }

    protected override bool Deliver(CallFrame frame, bool awaited)
    {
        if (VirtualCpu.Current is not null && !_closed)
        {
            return HandOffToThreadPool(frame);
        }

        HandleSerialised(frame, accepted: false);
        return true;
    }

    internal override void HandleCarried(CallFrame frame)
    {
        // Failed while it waited for a pool thread (the endpoint closed): its caller has its answer already.
        if (!frame.Reply.TryStart())
        {
            return;
        }

        HandleSerialised(frame, accepted: true);
        frame.Reply.Complete();
    }

    // A call carried to the pool was accepted already; one on its caller's thread only once it waits for its turn.
    private void HandleSerialised(CallFrame frame, bool accepted)
    {
        if (!EnterTurn(frame, accepted, out var waited))
        {
            // Refused (its wait would have closed a cycle) or interrupted by the close.
            frame.Fault ??= Interrupted(frame);
            return;
        }

        var server = LockOwner.ForBlockingForm();
        _turn.Serve(server);
        if (accepted)
        {
            frame.Reply.ServedBy(server);
        }

        try
        {
            if (_closed)
            {
                frame.Fault = accepted || waited ? Interrupted(frame) : Closed(frame);
                return;
            }

            Handle(_dispatcher, frame);
        }
        finally
        {
            _turn.Exit();
        }
    }

    // False once the endpoint has closed while the caller waited for the handler running before it,
    // or (with the fault in the frame) when the caller's wait would close a cycle. A call carried to
    // the pool is waited for by its caller on the CPU already, whose wait names this endpoint.
    private bool EnterTurn(CallFrame frame, bool carried, out bool waited)
    {
        waited = false;
        if (_turn.TryTake())
        {
            return true;
        }

        if (!carried)
        {
            // The reply only names the call in the relation here: readied so it does not look answered.
            frame.Reply.PrepareBlocking();
            if (!BeginWait(frame, awaited: false))
            {
                return false;
            }
        }

        waited = true;
        try
        {
            _turn.Wait(_closing.Token, Instance, Interface);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        finally
        {
            if (!carried)
            {
                frame.Reply.EndWait();
            }
        }
    }
}
