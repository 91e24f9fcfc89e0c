using System.ComponentModel;
using UxRt.Camkes.Runtime.Rpc;

namespace UxRt.Camkes.Runtime.Glue;

/// <summary>
/// seL4RPCCall's default into a native server: calls queue in arrival order and the interface's
/// own OS thread serves them one at a time, so the handler never runs on a client's thread.
/// The hand-off takes no lock: callers enqueue on a lock-free queue, and the interface thread
/// spins briefly for the next call before it parks (<see cref="HandOffSpin"/>); a caller wakes it
/// only when it has parked.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ThreadedEndpoint : QueuedEndpoint
{
    private readonly ManualResetEventSlim _wake = new(initialState: false, spinCount: 0);

    // 1 while the interface thread is parked (or about to park) on _wake.
    private int _parked;

    public ThreadedEndpoint(string instance, string interfaceName, ICallDispatcher dispatcher)
        : base(instance, interfaceName, dispatcher, threads: 1)
    {
    }

    protected override void WakeForCall() => WakeServer();

    protected override void WakeToClose() => WakeServer();

    // The enqueue (or the write of _closed) comes before this read, and the interface thread
    // announces that it parks before it looks at the queue, so one of the two sees the other.
    private void WakeServer()
    {
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _parked) != 0 && Interlocked.Exchange(ref _parked, 0) != 0)
        {
            _wake.Set();
        }
    }

    protected override CallFrame? Receive()
    {
        var spin = default(HandOffSpin);
        while (true)
        {
            if (TryTake(out var frame))
            {
                spin.End();
                return frame;
            }

            if (IsClosed)
            {
                spin.End();
                return LastCall();
            }

            // A client often calls again right after its reply: spinning briefly before parking
            // saves the server a wake-up per call in such call-reply loops.
            if (spin.SpinOnce())
            {
                continue;
            }

            _wake.Reset();
            Volatile.Write(ref _parked, 1);
            Interlocked.MemoryBarrier();
            if (!HasPending && !IsClosed)
            {
                Simulation.Controlled.Wait(_wake, "calls to", Instance, Interface);
            }

            Volatile.Write(ref _parked, 0);
            spin = default;
        }
    }
}
