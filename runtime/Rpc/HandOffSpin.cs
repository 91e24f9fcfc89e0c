using System.Diagnostics;

namespace UxRt.Camkes.Runtime.Rpc;

/// <summary>
/// The spin half of spin-then-park for a thread waiting on a hand-off (a caller for its reply, an
/// interface thread for the next call). When both threads have a core the answer usually comes
/// within a few hundred nanoseconds, far sooner than an OS wake-up (several microseconds), so the
/// waiter first spins on the CPU for about a microsecond. After that it yields its core at every
/// turn, so that on a machine with more runnable threads than cores the thread it waits for can
/// run, and it parks once <see cref="Budget"/> has passed. No more threads of the process than it
/// has cores keep yielding at once: more would only take turns on the cores the threads they wait
/// for need (eight clients of one server on two cores), so a waiter beyond that parks at once.
/// Call <see cref="End"/> when the wait is over.
/// </summary>
internal struct HandOffSpin
{
    /// <summary>How long a waiter keeps trying before it parks: about the cost of the wake-up it saves.</summary>
    public static readonly long Budget = Stopwatch.Frequency / 50_000; // 20 µs

    private const int BusySpins = 64;

    private static readonly int Cores = Environment.ProcessorCount;

    // Threads in the yielding phase, process-wide; touched only after the busy phase, so a
    // hand-off that completes within it costs no shared write.
    private static int s_yielding;

    private long _start;
    private int _count;
    private bool _yielding;

    /// <summary>Spins once; false when the budget is spent (or too many threads spin) and the caller should park instead.</summary>
    public bool SpinOnce()
    {
        // Under simulation one thread runs at a time: the one waited for cannot answer while this spins.
        if (Simulation.Controlled.IsOn)
        {
            return false;
        }

        if (_count++ < BusySpins && Cores > 1)
        {
            Thread.SpinWait(1);
            return true;
        }

        var now = Stopwatch.GetTimestamp();
        if (!_yielding)
        {
            if (Interlocked.Increment(ref s_yielding) > Cores)
            {
                Interlocked.Decrement(ref s_yielding);
                return false;
            }

            _yielding = true;
            _start = now;
        }
        else if (now - _start > Budget)
        {
            End();
            return false;
        }

        Thread.Yield();
        return true;
    }

    /// <summary>The wait is over (or the caller parks): leaves the yielding phase.</summary>
    public void End()
    {
        if (_yielding)
        {
            _yielding = false;
            Interlocked.Decrement(ref s_yielding);
        }
    }
}
