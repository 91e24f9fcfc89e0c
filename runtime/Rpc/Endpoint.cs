using System.ComponentModel;
using System.Diagnostics;
using UxRt.Camkes.Runtime.Diagnostics;
using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Rpc;
using UxRt.Camkes.Runtime.Synchronisation;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Glue;

/// <summary>
/// The server side of one provided interface (seL4's endpoint): a client calls with a filled
/// frame and gets it back once the handler has written the results into it. A native client
/// blocks in <see cref="Call"/>; a unicore client awaits <see cref="CallAsync"/>, which never holds
/// its CPU. Subclasses decide where the handler runs: the interface's own thread, the caller's
/// thread (passive, seL4DirectCall) or, for a unicore server, its virtual CPU.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class Endpoint
{
    /// <summary>Why a closed endpoint fails calls, unless the system is stopping.</summary>
    internal const string ServerStopped = "the server has stopped";

    /// <summary>Why calls fail once the system has begun to stop.</summary>
    internal const string SystemStopping = "system stopping";

    private readonly IProcedureDispatcher _names;
    private readonly InterfaceTags _tags;
    private readonly string _spanName;
    private readonly OutstandingCalls _outstanding = new();
    private volatile string _closeReason = ServerStopped;

    // The call each interface thread is running, by thread index, for naming a stuck thread's method.
    private CallFrame?[] _running = [];

    // The simulation the endpoint was made in; null otherwise, which costs a call one test.
    private readonly Simulation.SimulationScheduler? _simulation = Simulation.Controlled.Scheduler;

    protected Endpoint(string instance, string interfaceName, IProcedureDispatcher dispatcher)
    {
        Instance = instance;
        Interface = interfaceName;
        _names = dispatcher;
        _tags = new InterfaceTags(instance, interfaceName);
        _spanName = instance + "." + interfaceName;
    }

    /// <summary>Where the calls are counted: its kernel's meter.</summary>
    internal KernelMeters Meters { get; set; } = KernelMeters.Process;

    /// <summary>The serving instance.</summary>
    public string Instance { get; }

    /// <summary>The serving interface.</summary>
    public string Interface { get; }

    /// <summary>Sends <paramref name="frame"/> to the handler and blocks until it has replied.</summary>
    /// <exception cref="ComponentFaultException">The handler threw, or the endpoint is closed.</exception>
    /// <exception cref="BlockingOnVirtualCpuException">Called on a virtual CPU, which must await <see cref="CallAsync"/> instead.</exception>
    public void Call(CallFrame frame)
    {
        if (VirtualCpu.Current is { } cpu)
        {
            throw new BlockingOnVirtualCpuException(cpu.Name, $"the blocking call to {Instance}.{Interface}", "await the call's Async form (the uses ends of a unicore component are awaitable)");
        }

        _simulation?.OnCall(this);
        frame.Fault = null;
        ComponentFaultException? failure = null;
        using (var span = KernelTelemetry.Calls.HasListeners() ? StartSpan(frame) : null)
        {
            if (!Deliver(frame, awaited: false))
            {
                frame.Reply.WaitBlocking();
                frame.Reply.EndWait();

                // A call the kernel failed at stop: its fault wins over what a late handler writes.
                failure = frame.Reply.Failure;
            }

            failure ??= frame.Fault;
            span?.SetStatus(failure is null ? ActivityStatusCode.Ok : ActivityStatusCode.Error);
        }

        if (failure is not null)
        {
            throw failure;
        }
    }

    /// <summary>
    /// Sends <paramref name="frame"/> to the handler without blocking: the returned task completes
    /// when the handler has replied, and an awaiting lightweight thread resumes on its own CPU.
    /// The frame must not be reused until the task has completed.
    /// </summary>
    /// <exception cref="ComponentFaultException">Thrown by the task: the handler threw, or the endpoint is closed.</exception>
    public ValueTask CallAsync(CallFrame frame)
    {
        _simulation?.OnCall(this);
        frame.Fault = null;
        if (Deliver(frame, awaited: true))
        {
            return frame.Fault is { } fault ? ValueTask.FromException(fault) : default;
        }

        return frame.Reply.AsValueTask();
    }

    /// <summary>
    /// The straight-through path a native client may call the server's implementation by, when the
    /// handler runs on the caller's thread and the server end offers its implementation
    /// (<see cref="IInlineDispatcher"/>); null otherwise.
    /// </summary>
    public InlineCalls? Inline { get; private protected init; }

    /// <summary>
    /// Like <see cref="CallAsync(CallFrame)"/> for a method with a result: the task reads it out of
    /// the frame with <paramref name="result"/> and returns the frame to <paramref name="frames"/>
    /// (also when the call faults), so the client's method is not an async method itself. Pass a
    /// static lambda, so the same one comes back with every call.
    /// </summary>
    /// <exception cref="ComponentFaultException">Thrown by the task: the handler threw, or the endpoint is closed.</exception>
    public ValueTask<TResult> CallAsync<TFrame, TResult>(TFrame frame, FrameCache<TFrame> frames, Func<TFrame, TResult> result)
        where TFrame : CallFrame
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(result);
        frame.Fault = null;
        if (!Deliver(frame, awaited: true))
        {
            return new ValueTask<TResult>(frame.AwaitedCall(frame, frames, result), frame.Reply.Version);
        }

        try
        {
            return frame.Fault is { } fault ? ValueTask.FromException<TResult>(fault) : new ValueTask<TResult>(result(frame));
        }
        finally
        {
            frames.Return(frame);
        }
    }

    /// <summary>Whether calls are served by interface threads of the endpoint's own, which a notification can be bound to (seL4NotificationBind).</summary>
    public virtual bool HasInterfaceThread => false;

    /// <summary>
    /// Stops accepting calls and fails, at once, those accepted that no handler has taken yet.
    /// Calls a handler is running are still answered by it.
    /// </summary>
    public void Close() => Close(ServerStopped);

    /// <summary>Like <see cref="Close()"/>, naming <paramref name="reason"/> in the faults of the calls accepted before it that it fails.</summary>
    internal void Close(string reason)
    {
        _closeReason = reason;
        OnClose();
        _outstanding.Close(Interrupted);
    }

    /// <summary>
    /// Fails every call still unanswered, including those a handler is running: the stop deadline
    /// has passed. A reply that such a handler sends later is ignored.
    /// </summary>
    internal void FailOutstanding() => _outstanding.FailAll(Interrupted);

    /// <summary>How many accepted calls are unanswered.</summary>
    internal int OutstandingCount => _outstanding.Count;

    /// <summary>The subclass's part of <see cref="Close()"/>: refuse new calls and wake its interface threads so they end.</summary>
    protected abstract void OnClose();

    /// <summary>The spec name of method <paramref name="index"/>.</summary>
    internal string MethodName(int index) => _names.MethodName(index);

    /// <summary>The spec name of the method interface thread <paramref name="thread"/> is running; null when it is between calls.</summary>
    internal string? MethodRunningOn(int thread) =>
        (uint)thread < (uint)_running.Length && Volatile.Read(ref _running[thread]) is { } frame ? _names.MethodName(frame.Method) : null;

    /// <summary>Gives each of <paramref name="threads"/> interface threads a slot that says which call it runs.</summary>
    protected void TrackInterfaceThreads(int threads) => _running = new CallFrame?[threads];

    /// <summary>Interface thread <paramref name="thread"/> runs <paramref name="frame"/> (null: none); a plain store, so the hot path pays nothing.</summary>
    protected void SetRunning(int thread, CallFrame? frame)
    {
        if ((uint)thread < (uint)_running.Length)
        {
            Volatile.Write(ref _running[thread], frame);
        }
    }

    /// <summary>Whether interface thread <paramref name="thread"/> is running a call now.</summary>
    private protected bool IsServing(int thread) => (uint)thread < (uint)_running.Length && Volatile.Read(ref _running[thread]) is not null;

    /// <summary>
    /// Who a call accepted now waits behind before a handler takes it: the one thread or flow that
    /// serves this endpoint, while it runs a call; null when a call would not wait behind anyone
    /// (an idle server, several interface threads, calls that run side by side). See <see cref="WaitForGraph"/>.
    /// </summary>
    internal virtual LockOwner? QueuedBehind => null;

    /// <summary>
    /// Readies the frame's reply for <paramref name="awaited"/> or blocking and records the call as
    /// accepted, so a stop can fail it, and its caller as waiting for the reply. False when the call
    /// is answered here instead (its fault is in the frame) and must not be handed on: the endpoint
    /// closed meanwhile, or the wait would close a cycle of waits (a deadlock).
    /// </summary>
    protected bool Accept(CallFrame frame, bool awaited)
    {
        // Prepared first: the reply must not look answered (by the previous call) to the walk.
        frame.Reply.Prepare(awaited);
        if (!BeginWait(frame, awaited))
        {
            return false;
        }

        if (_outstanding.TryAdd(frame.Reply))
        {
            return true;
        }

        frame.Reply.EndWait();
        frame.Fault = Closed(frame);
        return false;
    }

    /// <summary>
    /// Records the caller (its thread when it blocks, its flow when it awaits) as waiting for the
    /// frame's call until it is answered. False, with the fault in the frame, when that wait would
    /// close a cycle. An awaiting flow without a lock owner holds and serves nothing, so no cycle can
    /// pass through it: it is not recorded.
    /// </summary>
    private protected bool BeginWait(CallFrame frame, bool awaited)
    {
        if (!WaitForGraph.TracksCalls || (awaited ? LockOwner.ExistingFlow : LockOwner.ForBlockingForm()) is not { } waiter
            || frame.Reply.BeginWait(waiter, this) is not { } refused)
        {
            return true;
        }

        frame.Fault = new ComponentFaultException(Instance, Interface, _names.MethodName(frame.Method), $"{Instance}.{Interface}.{_names.MethodName(frame.Method)} refused: {refused.Message}", refused);
        return false;
    }

    /// <summary>Queues a bound notification's signal among the calls, for an interface thread to deliver between two of them; dropped once closed.</summary>
    internal virtual void PostSignal(BoundSignal signal) =>
        throw new InvalidOperationException($"{Instance}.{Interface} has no interface thread to deliver notifications on");

    /// <summary>
    /// Delivers the frame to the handler. Returns true when it was answered on this thread already
    /// (results or <see cref="CallFrame.Fault"/> are in the frame); false when the reply will come
    /// through the frame's reply, prepared with <paramref name="awaited"/> before handing the frame on.
    /// </summary>
    protected abstract bool Deliver(CallFrame frame, bool awaited);

    /// <summary>
    /// Hands the frame to the thread pool for an awaiting caller on a virtual CPU, which must not
    /// lend its thread to a native server's handler; <see cref="HandleCarried"/> runs it there.
    /// Returns false, as <see cref="Deliver"/> does for a reply still to come (true when the endpoint
    /// closed meanwhile and the call is answered already).
    /// </summary>
    protected bool HandOffToThreadPool(CallFrame frame)
    {
        if (!Accept(frame, awaited: true))
        {
            return true;
        }

        frame.Reply.CarryTo(this);
        if (!Simulation.Controlled.TryRunControlled(((IThreadPoolWorkItem)frame.Reply).Execute))
        {
            ThreadPool.UnsafeQueueUserWorkItem(frame.Reply, preferLocal: false);
        }

        return false;
    }

    /// <summary>Runs a frame that was handed on as a work item (to a CPU or the thread pool) and replies.</summary>
    internal abstract void HandleCarried(CallFrame frame);

    /// <summary>Runs a synchronous handler for one call with the caller's badge as the sender id; its exception becomes the frame's fault.</summary>
    protected void Handle(ICallDispatcher dispatcher, CallFrame frame)
    {
        var previousSender = CallContext.Enter(frame.Badge);
        try
        {
            dispatcher.Dispatch(frame);
        }
        catch (Exception exception)
        {
            frame.Fault = Faulted(frame.Method, exception);
        }
        finally
        {
            CallContext.Exit(previousSender);
            CountCall();
        }
    }

    /// <summary>Like <see cref="Handle"/> for a handler that may await; the sender id flows with it across awaits.</summary>
    protected ValueTask HandleAsync(IAsyncCallDispatcher dispatcher, CallFrame frame)
    {
        // The badge rides on the flow's lock owner (the interface thread's, or the call's own), which
        // follows the handler across its awaits: no execution context is made per call.
        var owner = LockOwner.ForAwaitableForm();
        var outerBadge = owner.SenderBadge;
        owner.SenderBadge = frame.Badge;
        ValueTask handled;
        try
        {
            handled = dispatcher.DispatchAsync(frame);
        }
        catch (Exception exception)
        {
            frame.Fault = Faulted(frame.Method, exception);
            EndHandling(owner, outerBadge);
            return default;
        }

        // A handler that did not await (the usual case) is finished here, with no state machine made for it.
        if (!handled.IsCompleted)
        {
            return AwaitHandler(handled, frame, owner, outerBadge);
        }

        try
        {
            handled.GetAwaiter().GetResult();
        }
        catch (Exception exception)
        {
            frame.Fault = Faulted(frame.Method, exception);
        }

        EndHandling(owner, outerBadge);
        return default;
    }

    private async ValueTask AwaitHandler(ValueTask handled, CallFrame frame, LockOwner owner, int outerBadge)
    {
        try
        {
            await handled;
        }
        catch (Exception exception)
        {
            frame.Fault = Faulted(frame.Method, exception);
        }
        finally
        {
            EndHandling(owner, outerBadge);
        }
    }

    private void EndHandling(LockOwner owner, int outerBadge)
    {
        owner.SenderBadge = outerBadge;
        CountCall();
    }

    /// <summary>The fault a call receives when the endpoint no longer accepts calls.</summary>
    protected ComponentFaultException Closed(CallFrame frame) =>
        new(Instance, Interface, _names.MethodName(frame.Method), ServerStopped);

    /// <summary>The fault of a call accepted before the endpoint closed and failed by the close: it names why the endpoint closed ("system stopping").</summary>
    protected ComponentFaultException Interrupted(CallFrame frame) =>
        new(Instance, Interface, _names.MethodName(frame.Method), _closeReason);

    /// <summary>The badge of the call a unicore handler is serving, wherever it has awaited since.</summary>
    internal static int CurrentAsyncSenderBadge => LockOwner.ExistingFlow?.SenderBadge ?? 0;

    /// <summary>The fault a caller receives for the handler's <paramref name="exception"/>, counted.</summary>
    internal ComponentFaultException Faulted(int method, Exception exception)
    {
        if (Meters.CallFaultCount.Enabled)
        {
            Meters.CallFaultCount.Add(1, _tags.Instance, _tags.Interface);
        }

        return new ComponentFaultException(Instance, Interface, _names.MethodName(method), exception);
    }

    /// <summary>Counts a call answered (with results or a fault) for metrics.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal void CountCall()
    {
        if (Meters.CallCount.Enabled)
        {
            Meters.CallCount.Add(1, _tags.Instance, _tags.Interface);
        }
    }

    private Activity? StartSpan(CallFrame frame)
    {
        var span = KernelTelemetry.Calls.StartActivity(_spanName, ActivityKind.Client);
        span?.SetTag(KernelTelemetry.InstanceTag, Instance);
        span?.SetTag(KernelTelemetry.InterfaceTag, Interface);
        span?.SetTag("camkes.method", _names.MethodName(frame.Method));
        span?.SetTag("camkes.badge", frame.Badge);
        return span;
    }
}
