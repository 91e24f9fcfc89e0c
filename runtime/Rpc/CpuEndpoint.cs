using System.ComponentModel;
using System.Threading.Channels;
using UxRt.Camkes.Runtime.Rpc;
using UxRt.Camkes.Runtime.Synchronisation;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Glue;

/// <summary>
/// Any procedure connection into a unicore server: every call is queued onto the server's virtual
/// CPU and never runs on the caller's thread. A threaded interface (seL4RPCCall's default) is a
/// lightweight interface thread that takes calls in arrival order, one at a time; a passive or
/// direct one has no thread of its own, so each call is a work item of its own on the CPU, which
/// a passive interface runs one at a time (the next once the one before replied) and a direct one
/// interleaves where handlers await. A
/// notification bound to a threaded interface (seL4NotificationBind) queues its signals with the
/// calls, so the interface thread runs its callback between two calls.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CpuEndpoint : Endpoint
{
    private readonly IAsyncCallDispatcher _dispatcher;
    private readonly VirtualCpu _cpu;
    private readonly Channel<CallFrame>? _interfaceQueue;
    private volatile bool _closed;

    // The lightweight thread running a call, for an endpoint that serves one at a time (one interface
    // thread, or passive): a call queued meanwhile waits behind it. Written on the CPU, read anywhere.
    private LockOwner? _serving;

    /// <param name="hasInterfaceThread">True for a threaded interface, served by <see cref="ServeAsync"/>; false for passive and direct ones.</param>
    /// <param name="interfaceThreads">How many lightweight threads run <see cref="ServeAsync"/> (<c>with N threads</c>); they interleave where handlers await.</param>
    public CpuEndpoint(string instance, string interfaceName, IAsyncCallDispatcher dispatcher, VirtualCpu cpu, bool hasInterfaceThread, int interfaceThreads = 1)
        : base(instance, interfaceName, dispatcher)
    {
        _dispatcher = dispatcher;
        _cpu = cpu;
        if (hasInterfaceThread)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(interfaceThreads, 1);
            InterfaceThreads = interfaceThreads;
            TrackInterfaceThreads(interfaceThreads);
            _interfaceQueue = Channel.CreateUnbounded<CallFrame>(new UnboundedChannelOptions { SingleReader = interfaceThreads == 1, AllowSynchronousContinuations = false });
        }
    }

    internal override LockOwner? QueuedBehind => InterfaceThreads == 1 || ServesOneCallAtATime ? Volatile.Read(ref _serving) : null;

    /// <summary>How many lightweight interface threads serve calls (0 without an interface thread).</summary>
    public int InterfaceThreads { get; }

    /// <summary>Whether calls are served by a lightweight interface thread (<see cref="ServeAsync"/>).</summary>
    public override bool HasInterfaceThread => _interfaceQueue is not null;

    protected override void OnClose()
    {
        _closed = true;
        _interfaceQueue?.Writer.TryComplete();
    }

    /// <summary>The lightweight interface thread's body: serve calls until the endpoint is closed and drained.</summary>
    public Task ServeAsync() => ServeAsync(thread: -1);

    /// <summary>The body of lightweight interface thread number <paramref name="thread"/>, which records the call it runs for the stop report.</summary>
    internal async Task ServeAsync(int thread)
    {
        var calls = (_interfaceQueue ?? throw new InvalidOperationException($"{Instance}.{Interface} has no interface thread")).Reader;

        // Who the callers wait for: this lightweight thread, as its handlers' own calls and locks name it.
        var server = LockOwner.ExistingFlow;
        while (await calls.WaitToReadAsync())
        {
            while (calls.TryRead(out var frame))
            {
                // A bound notification's signal (seL4NotificationBind), delivered between two calls.
                if (frame is BoundSignal signal)
                {
                    await signal.DeliverAsync();
                    continue;
                }

                // Failed while queued (the endpoint closed): its caller has its answer already.
                if (!frame.Reply.TryStart())
                {
                    continue;
                }

                frame.Reply.ServedBy(server);
                Volatile.Write(ref _serving, server);
                SetRunning(thread, frame);
                await HandleAsync(_dispatcher, frame);
                SetRunning(thread, null);
                Volatile.Write(ref _serving, null);
                frame.Reply.Complete();
            }
        }
    }

    internal override void PostSignal(BoundSignal signal)
    {
        // Closed (or no interface thread, which the kernel never binds to): the signal stays in the word.
        if (!_closed)
        {
            _interfaceQueue?.Writer.TryWrite(signal);
        }
    }

    protected override bool Deliver(CallFrame frame, bool awaited)
    {
        if (_closed)
        {
            frame.Fault = Closed(frame);
            return true;
        }

        if (!Accept(frame, awaited))
        {
            return true;
        }

        if (_interfaceQueue is not null)
        {
            if (!_interfaceQueue.Writer.TryWrite(frame))
            {
                // Closed between the check and the write: answer like any call to a closed endpoint.
                frame.Fault = Closed(frame);
                frame.Reply.Complete();
            }

            return false;
        }

        frame.Reply.CarryTo(this);
        _cpu.Post(frame.Reply);
        return false;
    }

    /// <summary>
    /// <c>&lt;iface&gt;_passive = true</c>: calls are served one at a time, in arrival order, as a native
    /// passive server serves them, instead of interleaving where their handlers await (what
    /// seL4DirectCall keeps, as its native calls run side by side). Set by the kernel.
    /// </summary>
    internal bool ServesOneCallAtATime { get; init; }

    // Calls that arrived while a passive interface's handler was running; touched only on the CPU.
    private readonly Queue<CallFrame> _waitingTurn = new();
    private readonly Stack<(LockOwner Owner, ExecutionContext Context)> _idleFlows = new();
    private bool _handlerRunning;

    internal override void HandleCarried(CallFrame frame)
    {
        if (ServesOneCallAtATime)
        {
            if (_handlerRunning)
            {
                _waitingTurn.Enqueue(frame);
                return;
            }

            _handlerRunning = true;
        }

        HandleInTurn(frame);
    }

    // Runs `frame` and then, for a passive interface, each call that queued behind it, until a handler awaits.
    private void HandleInTurn(CallFrame? frame)
    {
        while (frame is not null)
        {
            // Failed while it waited in the CPU's queue (the endpoint closed): its caller has its answer already.
            if (frame.Reply.TryStart())
            {
                var handled = StartHandler(frame, out var flow);
                if (!handled.IsCompleted)
                {
                    _ = ReplyWhenHandled(handled, frame, flow);
                    return;
                }

                frame.Reply.Complete();
                Release(flow);
            }

            frame = NextInTurn();
        }
    }

    // Without an interface thread each call is a lightweight thread of its own: it owns its own
    // mutexes. The owners are reused, each with the context that carries it, once their call has
    // replied (as an interface thread's owner serves call after call), so a call makes none.
    private ValueTask StartHandler(CallFrame frame, out (LockOwner Owner, ExecutionContext Context)? flow)
    {
        flow = _idleFlows.Count > 0 ? _idleFlows.Pop() : LockOwner.NewFlow($"a call of {Instance}.{Interface}");
        if (flow is not { } reused || ExecutionContext.Capture() is not { } previous)
        {
            flow = null;
            return StartHandlerInNewFlow(frame);
        }

        ExecutionContext.Restore(reused.Context);
        try
        {
            return StartHandlerAs(frame, reused.Owner);
        }
        finally
        {
            ExecutionContext.Restore(previous);
        }
    }

    // Flow is suppressed: an owner made for this call alone.
    private ValueTask StartHandlerInNewFlow(CallFrame frame)
    {
        var caller = LockOwner.Begin($"a call of {Instance}.{Interface}");
        try
        {
            return StartHandlerAs(frame, LockOwner.ExistingFlow);
        }
        finally
        {
            LockOwner.Restore(caller);
        }
    }

    private ValueTask StartHandlerAs(CallFrame frame, LockOwner? server)
    {
        frame.Reply.ServedBy(server);
        if (ServesOneCallAtATime)
        {
            Volatile.Write(ref _serving, server);
        }

        return HandleAsync(_dispatcher, frame);
    }

    // Back for the next call once the call it ran has replied; touched only on the CPU.
    private void Release((LockOwner Owner, ExecutionContext Context)? flow)
    {
        if (flow is { } idle)
        {
            _idleFlows.Push(idle);
        }
    }

    private CallFrame? NextInTurn()
    {
        if (!ServesOneCallAtATime)
        {
            return null;
        }

        if (_waitingTurn.TryDequeue(out var next))
        {
            return next;
        }

        _handlerRunning = false;
        Volatile.Write(ref _serving, null);
        return null;
    }

    // HandleAsync never throws (faults go into the frame), so the discarded task never faults. Its
    // await resumes on the CPU (it began there), where the passive turn is kept.
    private async Task ReplyWhenHandled(ValueTask handled, CallFrame frame, (LockOwner Owner, ExecutionContext Context)? flow)
    {
        await handled;
        frame.Reply.Complete();
        Release(flow);
        HandleInTurn(NextInTurn());
    }
}
