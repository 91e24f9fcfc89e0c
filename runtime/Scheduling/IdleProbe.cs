using Microsoft.Extensions.Logging;
using UxRt.Camkes.Runtime.Notifications;

namespace UxRt.Camkes.Runtime.Scheduling;

/// <summary>
/// The idle thread of one core: pinned there, in <c>SCHED_IDLE</c>, so the OS runs it only when
/// the core has nothing else to run (a busy core lends it a sliver now and then, which the
/// balancer's policy tolerates). Each time it is armed it sleeps for the balancer's interval, then,
/// as soon as it gets the core, signals its notification, and waits to be armed again: it never
/// spins, so an idle system costs a few wake-ups a second.
/// </summary>
internal sealed class IdleProbe
{
    private readonly string _system;
    private readonly Notification _idle;
    private readonly CancellationToken _stop;
    private readonly ILogger _logger;
    private readonly ManualResetEventSlim _armed = new(initialState: true);
    private long _delayTicks;

    public IdleProbe(string system, int core, Notification idle, TimeSpan firstDelay, CancellationToken stop, ILogger logger)
    {
        _system = system;
        Core = core;
        _idle = idle;
        _stop = stop;
        _logger = logger;
        _delayTicks = firstDelay.Ticks;
        Interval = firstDelay;
        Thread = new Thread(Run) { Name = $"{system}.idle{core}", IsBackground = true };
    }

    public int Core { get; }

    public Thread Thread { get; }

    /// <summary>The balancer's current interval for this core (only the balancer thread touches it).</summary>
    public TimeSpan Interval { get; set; }

    public void Start() => Thread.Start();

    /// <summary>Reports the core idle (what the probe does when it runs).</summary>
    public void Report() => _idle.Signal();

    /// <summary>Lets the probe report again after <paramref name="delay"/>.</summary>
    public void Rearm(TimeSpan delay)
    {
        Interlocked.Exchange(ref _delayTicks, Math.Max(0, delay.Ticks));
        _armed.Set();
    }

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

        try
        {
            while (true)
            {
                _armed.Wait(_stop);
                _armed.Reset();
                var delay = TimeSpan.FromTicks(Interlocked.Read(ref _delayTicks));
                if (delay > TimeSpan.Zero && _stop.WaitHandle.WaitOne(delay))
                {
                    break;
                }

                // Running here, in SCHED_IDLE, is the news: the core had nothing better to do.
                Report();
            }
        }
        catch (OperationCanceledException)
        {
            // The system is stopping.
        }
    }
}
