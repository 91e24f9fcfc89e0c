using System.Diagnostics;

namespace UxRt.Camkes.Runtime.Kernel;

/// <summary>A point in time to wait until, on the monotonic clock; infinite waits stay infinite.</summary>
internal readonly struct Deadline
{
    private readonly long _endTimestamp;
    private readonly bool _infinite;

    private Deadline(long endTimestamp, bool infinite)
    {
        _endTimestamp = endTimestamp;
        _infinite = infinite;
    }

    public static Deadline After(TimeSpan timeout) =>
        timeout == Timeout.InfiniteTimeSpan
            ? new Deadline(0, infinite: true)
            : new Deadline(Simulation.Controlled.Timestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency), infinite: false);

    /// <summary>Time left, never negative; <see cref="Timeout.InfiniteTimeSpan"/> for an infinite deadline.</summary>
    public TimeSpan Remaining
    {
        get
        {
            if (_infinite)
            {
                return Timeout.InfiniteTimeSpan;
            }

            var left = Stopwatch.GetElapsedTime(Simulation.Controlled.Timestamp(), _endTimestamp);
            return left < TimeSpan.Zero ? TimeSpan.Zero : left;
        }
    }
}
