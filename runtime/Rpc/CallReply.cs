using System.Threading.Tasks.Sources;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Rpc;

/// <summary>
/// How the answer to one call gets back to its caller, and how the call travels when it must be
/// run elsewhere. A blocking caller (a native thread) waits on an event; an awaiting caller gets a
/// <see cref="ValueTask"/> whose continuation is posted back to where it awaited (its virtual CPU):
/// the interrupt path. One per frame, reused, so a call allocates nothing. A blocking caller
/// spins briefly before it parks (<see cref="HandOffSpin"/>), and the server takes the event's lock
/// only when the caller has parked.
/// </summary>
internal sealed class CallReply : IValueTaskSource, ICpuWorkItem, IThreadPoolWorkItem
{
    private readonly CallFrame _frame;
    private ManualResetValueTaskSourceCore<bool> _awaited = new() { RunContinuationsAsynchronously = true };
    private const int Pending = 0;
    private const int Done = 1;
    private const int Parked = 2;

    private ManualResetEventSlim? _blocked;
    private int _blockedState;
    private bool _isAwaited;
    private Endpoint? _carrier;

    public CallReply(CallFrame frame) => _frame = frame;

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
    }

    /// <summary>The caller will await <see cref="AsValueTask"/>.</summary>
    public void PrepareAwaited()
    {
        _isAwaited = true;
        _awaited.Reset();
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
        get => !_awaited.RunContinuationsAsynchronously;
        set => _awaited.RunContinuationsAsynchronously = !value;
    }

    public ValueTask AsValueTask() => new(this, _awaited.Version);

    /// <summary>The server has written its results (or the fault) into the frame.</summary>
    public void Complete()
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
            blocked.Wait();
        }
    }

    /// <summary>Sends the frame to <paramref name="endpoint"/>'s handler as a work item (on a CPU or the thread pool).</summary>
    public void CarryTo(Endpoint endpoint) => _carrier = endpoint;

    void ICpuWorkItem.Execute() => _carrier!.HandleCarried(_frame);

    void IThreadPoolWorkItem.Execute() => _carrier!.HandleCarried(_frame);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _awaited.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _awaited.OnCompleted(continuation, state, token, flags);

    void IValueTaskSource.GetResult(short token)
    {
        _awaited.GetResult(token);
        if (_frame.Fault is { } fault)
        {
            throw fault;
        }
    }
}
