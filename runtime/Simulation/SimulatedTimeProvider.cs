namespace UxRt.Camkes.Runtime.Simulation;

/// <summary>
/// Virtual time for a simulated system: it stands still while any thread can run and jumps to the
/// next timer or timeout when none can, so delays, timers, deadlines and the watchdog cost no real
/// time and fire in the same order in every run of a seed.
/// </summary>
internal sealed class SimulatedTimeProvider(SimulationScheduler scheduler) : TimeProvider
{
    // A fixed epoch: wall-clock readings are part of a schedule's output, so they must not depend on the day.
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Epoch + TimeSpan.FromTicks(scheduler.Now);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => scheduler.Now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new VirtualTimer(scheduler, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }
}

/// <summary>A timer on virtual time; the scheduler's timer thread runs its callback when it is due.</summary>
internal sealed class VirtualTimer(SimulationScheduler scheduler, TimerCallback callback, object? state) : ITimer
{
    private long _period = -1;
    private bool _disposed;

    public long Due { get; private set; }

    public long Sequence { get; set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        if (_disposed)
        {
            return false;
        }

        scheduler.RemoveTimer(this);
        _period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? -1 : period.Ticks;
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            Due = scheduler.Now + Math.Max(0, dueTime.Ticks);
            scheduler.AddTimer(this);
        }

        return true;
    }

    /// <summary>After it fired: a periodic timer goes back in the list, one period later.</summary>
    internal void Rearm(List<VirtualTimer> timers, ref long sequence)
    {
        if (_period > 0 && !_disposed)
        {
            Due += _period;
            Sequence = sequence++;
            timers.Add(this);
        }
    }

    internal void Fire()
    {
        if (!_disposed)
        {
            callback(state);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        scheduler.RemoveTimer(this);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return default;
    }
}
