using Microsoft.Extensions.Logging;
using UxRt.Camkes.Runtime.Notifications;

namespace UxRt.Camkes.Runtime.Scheduling;

/// <summary>
/// The idle thread of one core: pinned there, in <c>SCHED_IDLE</c>, so the OS runs it only when
/// the core has nothing else to run (a busy core lends it a sliver now and then, which the
/// balancer's policy tolerates). It sleeps for the balancer's current interval, then, as soon as it
/// gets the core, signals its notification, and sleeps again: one wake-up per report and no
/// spinning, so an idle system costs a few wake-ups a second. Reports the balancer has not judged
/// yet coalesce in the notification.
/// </summary>
internal sealed class IdleProbe
{
    private readonly string _system;
    private readonly Notification _idle;
    private readonly ILogger _logger;
    private readonly ManualResetEventSlim _stop = new(initialState: false, spinCount: 0);
    private long _intervalTicks;
    private long _cpuTicks;

    public IdleProbe(string system, int core, Notification idle, TimeSpan firstInterval, ILogger logger)
    {
        _system = system;
        Core = core;
        _idle = idle;
        _logger = logger;
        Interval = firstInterval;
        Thread = new Thread(Run) { Name = $"{system}.idle{core}", IsBackground = true };
    }

    public int Core { get; }

    public Thread Thread { get; }

    /// <summary>How long the probe sleeps between reports; the balancer sets it after judging each one.</summary>
    public TimeSpan Interval
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _intervalTicks));
        set => Interlocked.Exchange(ref _intervalTicks, Math.Max(0, value.Ticks));
    }

    /// <summary>The CPU time the probe's thread had used at its last report.</summary>
    public TimeSpan CpuTime => TimeSpan.FromTicks(Interlocked.Read(ref _cpuTicks));

    public void Start() => Thread.Start();

    /// <summary>Ends the probe's thread at once, whatever it is sleeping through.</summary>
    public void Stop() => _stop.Set();

    /// <summary>Reports the core idle (what the probe does when it runs).</summary>
    public void Report() => _idle.Signal();

    private void Run()
    {
        var nativeId = OsScheduling.CurrentThreadId();
        var pinned = OsScheduling.SetAffinity(nativeId, [Core]);
        var idleClass = OsScheduling.SetIdleClass(nativeId);
        if (pinned != 0 || idleClass != 0)
        {
            _logger.LogWarning(
                "Idle probe of core {Core} (system {System}): pinning {Pinned}, SCHED_IDLE {IdleClass}; its reports mean less",
                Core, _system, pinned == 0 ? "ok" : OsScheduling.ErrorName(pinned), idleClass == 0 ? "ok" : OsScheduling.ErrorName(idleClass));
        }

        while (!_stop.Wait(Interval))
        {
            // Running here, in SCHED_IDLE, is the news: the core had nothing better to do.
            Report();
            Interlocked.Exchange(ref _cpuTicks, OsScheduling.CurrentThreadCpuTime().Ticks);
        }
    }
}
