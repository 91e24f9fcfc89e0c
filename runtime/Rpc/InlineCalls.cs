using System.ComponentModel;
using System.Runtime.CompilerServices;
using UxRt.Camkes.Runtime.Diagnostics;
using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Synchronisation;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Glue;

/// <summary>
/// The straight-through path of an endpoint whose handler runs on the caller's thread
/// (seL4DirectCall, passive seL4RPCCall into a native server): the generated client calls the
/// server's implementation itself, between <see cref="TryEnter"/> and <see cref="Exit"/>, with
/// no frame. Whatever the frame path would do differently (a caller on a virtual CPU, a trace
/// listener, a closed endpoint, a passive server busy with another call) makes
/// <see cref="TryEnter"/> refuse, and the client takes the frame path, so the call's semantics
/// (sender id, fault, metrics, mutual exclusion, deadlock detection) are the same either way.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class InlineCalls
{
    private readonly Endpoint _endpoint;
    private readonly PassiveTurn? _turn;
    private volatile bool _closed;

    internal InlineCalls(Endpoint endpoint, IInlineDispatcher dispatcher, PassiveTurn? turn)
    {
        _endpoint = endpoint;
        _turn = turn;
        Implementation = dispatcher.Implementation;
    }

    /// <summary>The server's implementation of the procedure, which the client casts to its interface.</summary>
    public object Implementation { get; }

    /// <summary>
    /// Starts a straight-through call with <paramref name="badge"/> as the sender id; false when the
    /// call must take the frame path. After true the client calls the implementation, then
    /// <see cref="Exit"/> with the same badges, or throws what <see cref="Failed"/> returns for its exception.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryEnter(int badge, out int previousBadge)
    {
        if (_closed || KernelTelemetry.Calls.HasListeners() || !CallContext.TryEnterNative(badge, out previousBadge))
        {
            previousBadge = 0;
            return false;
        }

        if (_turn is { } turn && !turn.TryEnterInline())
        {
            CallContext.Exit(previousBadge);
            return false;
        }

        return true;
    }

    /// <summary>Ends a call <see cref="TryEnter"/> started: the outer sender id back, the turn released, the call counted.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Exit(int badge, int previousBadge)
    {
        if (badge != previousBadge)
        {
            CallContext.Exit(previousBadge);
        }

        _turn?.Exit();
        _endpoint.CountCall();
    }

    /// <summary>
    /// Ends a call <see cref="TryEnter"/> started whose handler threw <paramref name="exception"/>
    /// (method <paramref name="method"/>): returns the fault for the caller, counted as the frame path counts it.
    /// </summary>
    public ComponentFaultException Failed(int method, Exception exception, int badge, int previousBadge)
    {
        var fault = _endpoint.Faulted(method, exception);
        Exit(badge, previousBadge);
        return fault;
    }

    /// <summary>The endpoint closed: calls from now on take the frame path, which fails them.</summary>
    internal void Close() => _closed = true;
}

/// <summary>
/// Mutual exclusion for a passive server: a word taken by compare-and-swap when free (so the
/// uncontended call costs one atomic each way), with a semaphore to park the callers that wait
/// their turn. The thread that holds the turn is named for the wait-for relation.
/// </summary>
internal sealed class PassiveTurn
{
    private readonly SemaphoreSlim _wake = new(0);
    private int _held;
    private int _waiting;

    // The thread running the handler now: a caller waiting for its turn waits behind it.
    private LockOwner? _serving;

    public LockOwner? Serving => Volatile.Read(ref _serving);

    /// <summary>Callers waiting for their turn.</summary>
    public int WaitingCount => Volatile.Read(ref _waiting);

    /// <summary>Takes the turn if it is free, naming this native thread as its holder.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryEnterInline()
    {
        if (!TryTake())
        {
            return false;
        }

        Volatile.Write(ref _serving, LockOwner.ForBlockingForm());
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryTake() => Volatile.Read(ref _held) == 0 && Interlocked.CompareExchange(ref _held, 1, 0) == 0;

    /// <summary>Waits for the turn at <paramref name="instance"/>.<paramref name="iface"/> until it is free or <paramref name="cancel"/> is cancelled (then throws).</summary>
    public void Wait(CancellationToken cancel, string instance, string iface)
    {
        // Counted before the last attempt, so a holder that releases after it sees the waiter and wakes it.
        Interlocked.Increment(ref _waiting);
        try
        {
            while (!TryTake())
            {
                // Under simulation the wait is a scheduling point, like every kernel wait.
                Simulation.Controlled.Wait(_wake, Timeout.InfiniteTimeSpan, cancel, "the turn at", instance, iface);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    /// <summary>The holder names itself (a call carried to a pool thread, or one that waited).</summary>
    public void Serve(LockOwner server) => Volatile.Write(ref _serving, server);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Exit()
    {
        Volatile.Write(ref _serving, null);
        Interlocked.Exchange(ref _held, 0);
        if (Volatile.Read(ref _waiting) != 0)
        {
            // A permit too many only makes a waiter try again; one too few would strand it.
            _wake.Release();
        }
    }
}
