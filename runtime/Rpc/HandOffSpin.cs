using System.Diagnostics;

namespace UxRt.Camkes.Runtime.Rpc;

/// <summary>
/// The spin half of spin-then-park for a thread waiting on a hand-off (a caller for its reply, an
/// interface thread for the next call). When both threads have a core the answer usually comes
/// within a few hundred nanoseconds, far sooner than an OS wake-up (several microseconds), so the
/// waiter first spins on the CPU for about a microsecond. After that it yields its core at every
/// turn, so that on a machine with more runnable threads than cores the thread it waits for can
/// run, and it parks once <see cref="Budget"/> has passed.
/// </summary>
internal struct HandOffSpin
{
    /// <summary>How long a waiter keeps trying before it parks: about the cost of the wake-up it saves.</summary>
    public static readonly long Budget = Stopwatch.Frequency / 50_000; // 20 µs

    private const int BusySpins = 64;

    private static readonly bool SingleCore = Environment.ProcessorCount == 1;

    private long _start;
    private int _count;

    /// <summary>Spins once; false when the budget is spent and the caller should park instead.</summary>
    public bool SpinOnce()
    {
        if (_count++ < BusySpins && !SingleCore)
        {
            Thread.SpinWait(1);
            return true;
        }

        var now = Stopwatch.GetTimestamp();
        if (_count == BusySpins + 1)
        {
            _start = now;
        }
        else if (now - _start > Budget)
        {
            return false;
        }

        Thread.Yield();
        return true;
    }
}
