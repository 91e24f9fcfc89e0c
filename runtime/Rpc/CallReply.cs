using System.Threading.Tasks.Sources;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Rpc;

/// <summary>
/// How the answer to one call gets back to its caller, and how the call travels when it must be
/// run elsewhere. A blocking caller (a native thread) waits on an event; an awaiting caller gets a
/// <see cref="ValueTask"/> whose continuation is posted back to where it awaited (its virtual CPU):
/// the interrupt path. One per frame, reused, so a call allocates nothing.
/// </summary>
internal sealed class CallReply : IValueTaskSource, ICpuWorkItem, IThreadPoolWorkItem
{
    private readonly CallFrame _frame;
    private ManualResetValueTaskSourceCore<bool> _awaited = new() { RunContinuationsAsynchronously = true };
    private ManualResetEventSlim? _blocked;
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
        _blocked ??= new ManualResetEventSlim(initialState: false, spinCount: 100);
        _blocked.Reset();
    }

    /// <summary>The caller will await <see cref="AsValueTask"/>.</summary>
    public void PrepareAwaited()
    {
        _isAwaited = true;
        _awaited.Reset();
    }

    public void WaitBlocking() => _blocked!.Wait();

    public ValueTask AsValueTask() => new(this, _awaited.Version);

    /// <summary>The server has written its results (or the fault) into the frame.</summary>
    public void Complete()
    {
        if (_isAwaited)
        {
            _awaited.SetResult(true);
        }
        else
        {
            _blocked!.Set();
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
