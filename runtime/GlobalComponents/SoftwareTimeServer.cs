using System.ComponentModel;

namespace UxRt.Camkes.Runtime.Glue;

/// <summary>
/// The timers behind global-components' TimeServer, on a <see cref="TimeProvider"/> instead of a
/// platform timer: each client (a badge from 1) has <c>timers_per_client</c> timers, periodic or
/// one-shot; when one fires, its bit is set in the client's completed mask and the client is
/// signalled, as <c>the_timer_emit(badge)</c> does. Times are nanoseconds since the server started.
/// Return codes are CAmkES's: 0, or -1 for a timer id the client does not have.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SoftwareTimeServer : IDisposable
{
    private const int InvalidTimer = -1;

    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly Action<int> _signalClient;
    private readonly int _timersPerClient;
    private readonly ITimer?[,] _timers;
    private readonly uint[] _completed;
    private readonly Lock _lock = new();
    private bool _disposed;

    /// <param name="time">The clock; the system's <see cref="TimeProvider"/>, so tests can drive it.</param>
    /// <param name="clients">How many clients (the connection's largest badge).</param>
    /// <param name="timersPerClient">The <c>timers_per_client</c> attribute; at most 32, one bit each in the completed mask.</param>
    /// <param name="signalClient">Signals the client with the given badge.</param>
    public SoftwareTimeServer(TimeProvider time, int clients, int timersPerClient, Action<int> signalClient)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(signalClient);
        ArgumentOutOfRangeException.ThrowIfNegative(clients);
        ArgumentOutOfRangeException.ThrowIfNegative(timersPerClient);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(timersPerClient, 32);
        _time = time;
        _origin = time.GetTimestamp();
        _signalClient = signalClient;
        _timersPerClient = timersPerClient;
        _timers = new ITimer?[clients, timersPerClient];
        _completed = new uint[clients];
    }

    /// <summary>Nanoseconds since the server started (<c>time()</c>).</summary>
    public ulong Time() => (ulong)(_time.GetElapsedTime(_origin).Ticks * 100);

    /// <summary>Fires every <paramref name="ns"/> nanoseconds from now (<c>periodic(tid, ns)</c>); 0 stops it.</summary>
    public int Periodic(int badge, int tid, ulong ns) => Arm(badge, tid, ToSpan(ns), periodic: true);

    /// <summary>Fires once, <paramref name="ns"/> nanoseconds from now (<c>oneshot_relative</c>).</summary>
    public int OneshotRelative(int badge, int tid, ulong ns) => Arm(badge, tid, ToSpan(ns), periodic: false);

    /// <summary>Fires once when <see cref="Time"/> reaches <paramref name="ns"/>, at once if it has (<c>oneshot_absolute</c>).</summary>
    public int OneshotAbsolute(int badge, int tid, ulong ns)
    {
        var now = Time();
        return Arm(badge, tid, ns > now ? ToSpan(ns - now) : TimeSpan.Zero, periodic: false);
    }

    /// <summary>Stops a timer (<c>stop(tid)</c>).</summary>
    public int Stop(int badge, int tid)
    {
        lock (_lock)
        {
            if (!Owns(badge, tid))
            {
                return InvalidTimer;
            }

            _timers[badge - 1, tid]?.Dispose();
            _timers[badge - 1, tid] = null;
            return 0;
        }
    }

    /// <summary>The client's timers that fired since it last asked, one bit per timer id, and clears them (<c>completed()</c>).</summary>
    public uint Completed(int badge)
    {
        if (badge < 1 || badge > _completed.Length)
        {
            return 0;
        }

        return Interlocked.Exchange(ref _completed[badge - 1], 0);
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            foreach (var timer in _timers)
            {
                timer?.Dispose();
            }

            Array.Clear(_timers);
        }
    }

    private int Arm(int badge, int tid, TimeSpan due, bool periodic)
    {
        lock (_lock)
        {
            if (!Owns(badge, tid) || _disposed)
            {
                return InvalidTimer;
            }

            _timers[badge - 1, tid]?.Dispose();
            _timers[badge - 1, tid] = null;
            if (periodic && due == TimeSpan.Zero)
            {
                return 0;
            }

            var client = badge - 1;
            var bit = 1u << tid;
            _timers[client, tid] = _time.CreateTimer(_ => Fire(client, bit), null, due, periodic ? due : Timeout.InfiniteTimeSpan);
            return 0;
        }
    }

    private void Fire(int client, uint bit)
    {
        Interlocked.Or(ref _completed[client], bit);
        _signalClient(client + 1);
    }

    private bool Owns(int badge, int tid) => badge >= 1 && badge <= _completed.Length && tid >= 0 && tid < _timersPerClient;

    // TimeSpan counts 100 ns ticks; a shorter request still waits one tick rather than none.
    private static TimeSpan ToSpan(ulong ns) => ns == 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)Math.Min(Math.Max(ns / 100, 1), long.MaxValue / 2));
}
