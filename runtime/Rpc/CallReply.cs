using System.Threading.Tasks.Sources;
using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Synchronisation;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Rpc;

/// <summary>
/// How the answer to one call gets back to its caller, and how the call travels when it must be
/// run elsewhere. A blocking caller (a native thread) waits on an event; an awaiting caller gets a
/// <see cref="ValueTask"/> whose continuation is posted back to where it awaited (its virtual CPU):
/// the interrupt path. One per frame, reused, so a call allocates nothing. A blocking caller
/// spins briefly before it parks (<see cref="HandOffSpin"/>), and the server takes the event's lock
/// only when the caller has parked. A call is answered once: by its handler, or by the kernel
/// failing it when the system stops; whichever comes second is ignored. The caller waits for the
/// reply in the <see cref="WaitForGraph"/>: its holder is whoever runs the handler or, before one
/// does, whoever the endpoint serves first.
/// </summary>
internal sealed class CallReply : IValueTaskSource, ICpuWorkItem, IThreadPoolWorkItem, IWaitTarget
{
    private readonly CallFrame _frame;
    private ManualResetValueTaskSourceCore<bool> _awaited = new() { RunContinuationsAsynchronously = true };
    private const int Pending = 0;
    private const int Done = 1;
    private const int Parked = 2;

    // Where the call is: accepted, taken by a handler, or answered (by the handler or the kernel).
    private const int Queued = 0;
    private const int Running = 1;
    private const int Answered = 2;

    // Posts an awaiting caller's continuation back to its CPU; made on its first awaited call, reused.
    private Resumption? _resumption;
    private bool _resumesOnReplier;

    private ManualResetEventSlim? _blocked;
    private int _blockedState;
    private int _callState;
    private bool _isAwaited;
    private Endpoint? _carrier;
    private ComponentFaultException? _failure;

    // The wait-for relation: who waits for this reply, at which endpoint, and who runs the handler.
    private LockOwner? _waiter;
    private Endpoint? _waitedAt;
    private LockOwner? _server;

    public CallReply(CallFrame frame) => _frame = frame;

    /// <summary>The frame this reply answers.</summary>
    public CallFrame Frame => _frame;

    /// <summary>Links of the endpoint's list of calls accepted but not answered (<see cref="OutstandingCalls"/>), so tracking a call allocates nothing.</summary>
    internal CallReply? Next { get; set; }

    internal CallReply? Previous { get; set; }

    internal OutstandingCalls? Tracker { get; set; }

    /// <summary>Whether the kernel, not the handler, answered the call: the handler may still hold the frame, which must then never be reused for another call.</summary>
    public bool AnsweredByKernel { get; private set; }

    /// <summary>The fault the kernel answered the call with; it wins over whatever a late handler writes into the frame.</summary>
    public ComponentFaultException? Failure => _failure;

    /// <summary>Whether a handler has not yet taken the call.</summary>
    public bool IsQueued => Volatile.Read(ref _callState) == Queued;

    /// <summary>Whether a handler has taken the call and not yet answered it (for a cancel that must say whether the call started).</summary>
    public bool IsRunning => Volatile.Read(ref _callState) == Running;

    /// <summary>Readies the reply for a caller that awaits (<paramref name="awaited"/>) or blocks.</summary>
    public void Prepare(bool awaited)
    {
        if (awaited)
        {
            PrepareAwaited();
        }
        else
        {
            PrepareBlocking();
        }
    }

    /// <summary>The caller will block on <see cref="WaitBlocking"/>.</summary>
    public void PrepareBlocking()
    {
        _isAwaited = false;
        _blockedState = Pending;
        Reset();
    }

    /// <summary>The caller will await <see cref="AsValueTask"/>.</summary>
    public void PrepareAwaited()
    {
        _isAwaited = true;
        _awaited.Reset();
        _awaited.RunContinuationsAsynchronously = !_resumesOnReplier;
        Reset();
    }

    public void WaitBlocking()
    {
        var spin = default(HandOffSpin);
        while (Volatile.Read(ref _blockedState) != Done)
        {
            if (!spin.SpinOnce())
            {
                Park();
                return;
            }
        }

        spin.End();
    }

    /// <summary>
    /// Whether an awaiting caller resumes on the thread that replies instead of being posted to
    /// its scheduler. Only for a caller with no CPU of its own to return to (a request thread of
    /// the node server), and only when the replier is a native thread.
    /// </summary>
    public bool ResumesOnReplier
    {
        get => _resumesOnReplier;
        set
        {
            _resumesOnReplier = value;
            _awaited.RunContinuationsAsynchronously = !value;
        }
    }

    public ValueTask AsValueTask() => new(this, _awaited.Version);

    /// <summary>The token of the awaited call now readied.</summary>
    public short Version => _awaited.Version;

    /// <summary>A handler takes the call; false when it was answered already (failed by a stop), so the handler must skip it.</summary>
    public bool TryStart() => Interlocked.CompareExchange(ref _callState, Running, Queued) == Queued;

    /// <summary>Names <paramref name="server"/>, the thread or flow about to run the handler of the call it started, as who the caller waits for.</summary>
    public void ServedBy(LockOwner? server) => Volatile.Write(ref _server, server);

    /// <summary>
    /// Records that <paramref name="waiter"/> waits for this call at <paramref name="endpoint"/>
    /// until it is answered; the refusal, recording nothing, when that wait closes a cycle.
    /// </summary>
    public DeadlockException? BeginWait(LockOwner waiter, Endpoint endpoint)
    {
        _server = null;
        _waitedAt = endpoint;
        if (WaitForGraph.TryBegin(waiter, this) is { } refused)
        {
            return refused;
        }

        _waiter = waiter;
        return null;
    }

    /// <summary>
    /// The caller no longer waits: called by the caller itself once it has its answer (so the
    /// server never writes the caller's owner), or when the call was answered before it was handed on.
    /// </summary>
    public void EndWait()
    {
        if (_waiter is { } waiter)
        {
            _waiter = null;
            WaitForGraph.End(waiter);
        }
    }

    // An answered call holds nobody up, even before its caller has woken and ended its wait.
    LockOwner? IWaitTarget.Holder =>
        Volatile.Read(ref _callState) == Answered ? null : Volatile.Read(ref _server) ?? _waitedAt?.QueuedBehind;

    string IWaitTarget.DescribeWait(LockOwner waiter, LockOwner holder) =>
        $"{waiter.Name} waits for a call of {_waitedAt!.Instance}.{_waitedAt.Interface}.{_waitedAt.MethodName(_frame.Method)} served by {holder.Name}";

    /// <summary>The server has written its results (or the fault) into the frame. Ignored when the call was answered already.</summary>
    public void Complete()
    {
        if (Interlocked.Exchange(ref _callState, Answered) == Answered)
        {
            return;
        }

        Tracker?.Remove(this);
        Signal();
    }

    /// <summary>
    /// Answers the call with <paramref name="failure"/> unless it was answered already; with
    /// <paramref name="queuedOnly"/>, only a call no handler has taken. Returns whether it did.
    /// </summary>
    public bool TryFail(ComponentFaultException failure, bool queuedOnly)
    {
        if (Interlocked.CompareExchange(ref _callState, Answered, Queued) != Queued
            && (queuedOnly || Interlocked.CompareExchange(ref _callState, Answered, Running) != Running))
        {
            return false;
        }

        _failure = failure;
        _frame.Fault = failure;
        AnsweredByKernel = true;
        Tracker?.Remove(this);
        Signal();
        return true;
    }

    private void Reset()
    {
        _failure = null;
        AnsweredByKernel = false;
        Volatile.Write(ref _callState, Queued);
    }

    private void Signal()
    {
        if (_isAwaited)
        {
            _awaited.SetResult(true);
        }
        else if (Interlocked.Exchange(ref _blockedState, Done) == Parked)
        {
            _blocked!.Set();
        }
    }

    // The event is reset before the caller announces that it sleeps, and set only by a server that
    // saw the announcement, so a wake-up is never lost and never left over for the next call.
    private void Park()
    {
        var blocked = _blocked ??= new ManualResetEventSlim(initialState: false, spinCount: 0);
        blocked.Reset();
        if (Interlocked.CompareExchange(ref _blockedState, Parked, Pending) == Pending)
        {
            Simulation.Controlled.Wait(blocked, "a reply");
        }
    }

    /// <summary>Sends the frame to <paramref name="endpoint"/>'s handler as a work item (on a CPU or the thread pool).</summary>
    public void CarryTo(Endpoint endpoint) => _carrier = endpoint;

    /// <summary>The endpoint the frame was carried to, for naming what a CPU runs.</summary>
    public Endpoint? Carrier => _carrier;

    void ICpuWorkItem.Execute() => _carrier!.HandleCarried(_frame);

    void IThreadPoolWorkItem.Execute() => _carrier!.HandleCarried(_frame);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _awaited.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
    {
        // An await on a virtual CPU (an async method's, which flows its context itself): the reply
        // posts the continuation to the CPU's queue as one reused work item, where the core would
        // post a new delegate to the CPU's context per call. Posting never runs it on the replier.
        if (flags == ValueTaskSourceOnCompletedFlags.UseSchedulingContext && VirtualCpu.Current is { } cpu && SynchronizationContext.Current == cpu.Context)
        {
            var resumption = _resumption ??= new Resumption();
            resumption.Set(cpu, continuation, state);
            _awaited.RunContinuationsAsynchronously = false;
            _awaited.OnCompleted(Resumption.Post, resumption, token, ValueTaskSourceOnCompletedFlags.None);
            return;
        }

        _awaited.OnCompleted(continuation, state, token, flags);
    }

    // A tuple of the continuation and its state, so a stall report names the async method it resumes.
    private sealed class Resumption : ICpuWorkItem, System.Runtime.CompilerServices.ITuple
    {
        public static readonly Action<object?> Post = static resumption => ((Resumption)resumption!).PostToCpu();

        private VirtualCpu? _cpu;
        private Action<object?>? _continuation;
        private object? _state;

        public void Set(VirtualCpu cpu, Action<object?> continuation, object? state)
        {
            _cpu = cpu;
            _continuation = continuation;
            _state = state;
        }

        public int Length => 2;

        public object? this[int index] => index == 0 ? _continuation : _state;

        private void PostToCpu() => _cpu!.Post(this);

        // Read out first: the continuation may make the next call through the same reply, which sets them anew.
        void ICpuWorkItem.Execute()
        {
            var continuation = _continuation!;
            continuation(_state);
        }
    }

    void IValueTaskSource.GetResult(short token)
    {
        EndWait();
        _awaited.GetResult(token);
        if ((_failure ?? _frame.Fault) is { } fault)
        {
            throw fault;
        }
    }
}
