using System.Diagnostics;
using Microsoft.Extensions.Logging;
using UxRt.Camkes.Runtime.Diagnostics;
using UxRt.Camkes.Runtime.Notifications;

namespace UxRt.Camkes.Runtime.Scheduling;

/// <summary>
/// Thread migration as policy at user level, the way seL4 leaves it: on each core an idle probe, a
/// thread in the lowest scheduling class (<c>SCHED_IDLE</c>) that only signals a notification when
/// it gets to run, which means its core has nothing else to do; and one balancer thread at high
/// priority waiting on the set of those notifications (one <see cref="NotificationSet"/>). When a
/// core reports idle, the balancer looks at the system's threads (<c>/proc/self/task</c>) and, if
/// another core has at least two more runnable threads, moves one movable thread there by changing
/// its CPU mask (<see cref="BalancePolicy"/>). Moves are rate-limited, logged and counted
/// (<c>camkes.balancer.moves</c>). Linux only; elsewhere it logs that it cannot run.
/// </summary>
public sealed class IdleCoreBalancer
{
    private readonly string _system;
    private readonly IdleBalancerOptions _options;
    private readonly Func<IReadOnlyList<ThreadPlacement>> _placements;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly NotificationSet _idle = new();
    private readonly Dictionary<Notification, IdleProbe> _probes = new();
    private readonly byte[] _statBuffer = new byte[1024];
    private readonly Dictionary<ThreadPlacement, Microsoft.Win32.SafeHandles.SafeFileHandle> _stats = new();
    private readonly List<ThreadLoad> _loads = new();
    private readonly List<ThreadPlacement> _sampled = new();
    private readonly byte[] _procStatBuffer = new byte[64 * 1024];
    private (long Idle, long Total)[] _coreTimes = Array.Empty<(long, long)>();
    private (long Idle, long Total)[] _reportedTimes = Array.Empty<(long, long)>();
    private Thread? _thread;
    private long _lastMoveTimestamp;
    private long _cpuTicks;
    private int _rounds;
    private int _moves;

    /// <param name="system">The system's name, for the log and the probes' notifications.</param>
    /// <param name="placements">The threads that may be considered, read afresh on each round.</param>
    /// <summary>Where its work is counted: its kernel's meter.</summary>
    internal KernelMeters Meters { get; set; } = KernelMeters.Process;

    public IdleCoreBalancer(string system, IdleBalancerOptions options, Func<IReadOnlyList<ThreadPlacement>> placements, ILogger logger)
    {
        _system = system;
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _placements = placements ?? throw new ArgumentNullException(nameof(placements));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>The cores probed (the cores this process may use).</summary>
    public IReadOnlyList<int> Cores { get; private set; } = Array.Empty<int>();

    /// <summary>Whether the balancer thread is running.</summary>
    public bool IsRunning => _thread?.IsAlive ?? false;

    /// <summary>The balancer's thread and the probes' threads, for checking that they end with the system.</summary>
    public IReadOnlyList<Thread> Threads =>
        (_thread is null ? Array.Empty<Thread>() : new[] { _thread }).Concat(_probes.Values.Select(p => p.Thread)).ToArray();

    /// <summary>How many idle reports the balancer has judged.</summary>
    public int Rounds => Volatile.Read(ref _rounds);

    /// <summary>How many threads it has moved.</summary>
    public int Moves => Volatile.Read(ref _moves);

    /// <summary>The CPU time the balancer's thread and its probes have used, as of their last rounds (Linux's per-thread CPU clocks).</summary>
    public TimeSpan CpuTime => TimeSpan.FromTicks(Interlocked.Read(ref _cpuTicks)) + _probes.Values.Aggregate(TimeSpan.Zero, (sum, probe) => sum + probe.CpuTime);

    /// <summary>Raised on the balancer thread after each move.</summary>
    public event Action<BalancerMove>? Moved;

    /// <summary>Starts the probes and the balancer; false (and a log line saying why) where it cannot run.</summary>
    public bool Start()
    {
        if (!OsScheduling.IsSupported)
        {
            _logger.LogWarning("Idle-core balancer of system {System} not started: it needs Linux (SCHED_IDLE, sched_setaffinity); this is {Os}", _system, System.Runtime.InteropServices.RuntimeInformation.OSDescription);
            return false;
        }

        Cores = OsScheduling.AvailableCores;
        try
        {
            OsScheduling.CurrentCore();
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            _logger.LogWarning("Idle-core balancer of system {System} not started: {Reason}", _system, exception.Message);
            return false;
        }

        if (Cores.Count < 2)
        {
            _logger.LogInformation("Idle-core balancer of system {System} not started: the process has one core ({Cores})", _system, string.Join(",", Cores));
            return false;
        }

        _coreTimes = new (long, long)[Cores.Max() + 1];
        _reportedTimes = new (long, long)[Cores.Max() + 1];
        if (_options.MinIdleShare > 0)
        {
            OsScheduling.ReadCoreTimes(_procStatBuffer, _reportedTimes);
        }

        foreach (var core in Cores)
        {
            var notification = new Notification(_system, $"idle.core{core}");
            _idle.Add(notification);
            _probes.Add(notification, new IdleProbe(_system, core, notification, _options.MinProbeInterval, _logger));
        }

        _thread = new Thread(Run) { Name = $"{_system}.balancer", IsBackground = true };
        _thread.Start();
        foreach (var probe in _probes.Values)
        {
            probe.Start();
        }

        _logger.LogInformation("Idle-core balancer of system {System} probing cores {Cores}", _system, string.Join(",", Cores));
        return true;
    }

    /// <summary>Signals <paramref name="core"/>'s notification as its probe would, so that tests can have a round judged on demand.</summary>
    internal void ReportIdle(int core) => _probes.Values.Single(p => p.Core == core).Report();

    /// <summary>Stops the balancer and its probes; false if a thread did not end within <paramref name="timeout"/>.</summary>
    public bool Stop(TimeSpan timeout)
    {
        _stop.Cancel();
        foreach (var probe in _probes.Values)
        {
            probe.Stop();
        }

        var infinite = timeout == Timeout.InfiniteTimeSpan;
        var deadline = infinite ? 0 : Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        var stopped = true;
        foreach (var thread in Threads)
        {
            var remaining = infinite ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(Math.Max(0, deadline - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency);
            stopped &= thread == Thread.CurrentThread || !thread.IsAlive || thread.Join(remaining);
        }

        return stopped;
    }

    private void Run()
    {
        var nativeId = OsScheduling.CurrentThreadId();
        if (OsScheduling.SetNice(nativeId, _options.BalancerNice) is var error and not 0)
        {
            _logger.LogWarning("Idle-core balancer of system {System} runs at the default priority: nice {Nice} refused ({Error}; needs CAP_SYS_NICE or RLIMIT_NICE)", _system, _options.BalancerNice, OsScheduling.ErrorName(error));
        }

        while (!_stop.IsCancellationRequested)
        {
            NotificationSignal signal;
            try
            {
                signal = _idle.Wait(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            var probe = _probes[signal.Source];
            Interlocked.Increment(ref _rounds);
            TimeSpan next;
            try
            {
                next = Balance(probe);
            }
            catch (Exception exception)
            {
                _logger.LogError(exception, "Idle-core balancer of system {System} failed judging core {Core}", _system, probe.Core);
                next = _options.MaxProbeInterval;
            }

            probe.Interval = next;
            Interlocked.Exchange(ref _cpuTicks, OsScheduling.CurrentThreadCpuTime().Ticks);
        }

        foreach (var stat in _stats.Values)
        {
            stat.Dispose();
        }

        _stats.Clear();
        _logger.LogInformation("Idle-core balancer of system {System} stopped after {Moves} moves", _system, Moves);
    }

    // One round: the probe of `probe.Core` has run, so that core is idle. Returns when to probe it again.
    private TimeSpan Balance(IdleProbe probe)
    {
        var now = Stopwatch.GetTimestamp();
        var loads = _loads;
        var sampled = _sampled;
        loads.Clear();
        sampled.Clear();
        var cooldown = (long)(_options.ThreadCooldown.TotalSeconds * Stopwatch.Frequency);
        foreach (var placement in _placements())
        {
            if (Sample(placement) is not { } state)
            {
                continue; // not started, or already ended
            }

            var moved = placement.LastMoveTimestamp;
            loads.Add(new ThreadLoad(state.Runnable, placement.Core ?? state.Core, placement.Movable, moved != 0 && now - moved < cooldown));
            sampled.Add(placement);
        }

        var choice = BalancePolicy.Choose(loads, probe.Core);
        if (choice < 0)
        {
            return Backoff(probe);
        }

        if (_options.MinIdleShare > 0 && IdleShareSinceLastReport(probe.Core) is var idle && idle < _options.MinIdleShare)
        {
            _logger.LogDebug("Idle-core balancer: core {Core} was idle {Idle:P0} of the time since its last report, below {Minimum:P0}; no move", probe.Core, idle, _options.MinIdleShare);
            return Backoff(probe);
        }

        var sinceLastMove = Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastMoveTimestamp), now);
        if (_lastMoveTimestamp != 0 && sinceLastMove < _options.MinMoveInterval)
        {
            return _options.MinMoveInterval - sinceLastMove; // rate-limited: look again once a move is allowed
        }

        var thread = sampled[choice];
        var from = loads[choice].Core;
        var runnableOnSource = 0;
        foreach (var load in loads)
        {
            runnableOnSource += load.Runnable && load.Core == from ? 1 : 0;
        }

        var error = thread.MoveTo(probe.Core);
        if (error != 0)
        {
            _logger.LogWarning("Idle-core balancer could not move {Thread} to core {Core}: {Error}", thread.Name, probe.Core, OsScheduling.ErrorName(error));
            return Backoff(probe);
        }

        Interlocked.Exchange(ref _lastMoveTimestamp, now);
        Interlocked.Increment(ref _moves);
        if (Meters.BalancerMoveCount.Enabled)
        {
            Meters.BalancerMoveCount.Add(
                1,
                new KeyValuePair<string, object?>(KernelTelemetry.InstanceTag, thread.Instance),
                new KeyValuePair<string, object?>("camkes.thread", thread.Name),
                new KeyValuePair<string, object?>("camkes.core.from", from),
                new KeyValuePair<string, object?>("camkes.core.to", probe.Core));
        }

        _logger.LogInformation(
            "Idle-core balancer moved {Thread} from core {From} ({Runnable} runnable there) to idle core {To}",
            thread.Name, from, runnableOnSource, probe.Core);
        Moved?.Invoke(new BalancerMove(thread.Name, from, probe.Core));
        return _options.MinProbeInterval;
    }

    // Each thread's stat file stays open between rounds; one that has ended is closed and forgotten.
    private (bool Runnable, int Core)? Sample(ThreadPlacement placement)
    {
        // A newly opened file must name the thread: its id may since have gone to another thread. An
        // open file stays with its thread (reading it fails once the thread has ended).
        string? expectedName = null;
        if (!_stats.TryGetValue(placement, out var stat))
        {
            if (OsScheduling.OpenState(placement.NativeThreadId) is not { } opened)
            {
                return null;
            }

            _stats.Add(placement, stat = opened);
            expectedName = placement.Name;
        }

        if (OsScheduling.ReadState(stat, _statBuffer, expectedName) is { } state)
        {
            return state;
        }

        stat.Dispose();
        _stats.Remove(placement);
        return null;
    }

    // The share of time `core` spent idle since its previous report (or since the balancer started).
    private double IdleShareSinceLastReport(int core)
    {
        if (!OsScheduling.ReadCoreTimes(_procStatBuffer, _coreTimes))
        {
            return 1; // unknown: trust the probe
        }

        var (idle, total) = _coreTimes[core];
        var (lastIdle, lastTotal) = _reportedTimes[core];
        _reportedTimes[core] = (idle, total);
        return total > lastTotal ? (double)(idle - lastIdle) / (total - lastTotal) : 1;
    }

    private TimeSpan Backoff(IdleProbe probe)
    {
        var doubled = probe.Interval * 2;
        return doubled > _options.MaxProbeInterval ? _options.MaxProbeInterval : doubled;
    }
}

/// <summary>One move of the balancer: <paramref name="Thread"/> went from core <paramref name="From"/> to the idle core <paramref name="To"/>.</summary>
public sealed record BalancerMove(string Thread, int From, int To);
