namespace UxRt.Camkes.Runtime.Scheduling;

/// <summary>How the idle-core balancer probes and how often it may move threads.</summary>
public sealed record IdleBalancerOptions
{
    /// <summary>The shortest time between two probes of one core (after a move, and at start).</summary>
    public TimeSpan MinProbeInterval { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>The longest: each probe that finds nothing to move doubles the interval up to this.</summary>
    public TimeSpan MaxProbeInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The rate limit: at most one move in this time, whichever threads and cores.</summary>
    public TimeSpan MinMoveInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>A thread that was moved stays where it was put for at least this long, so threads do not bounce between cores.</summary>
    public TimeSpan ThreadCooldown { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The nice value the balancer thread asks for (high priority, so it acts as soon as a core goes idle); refused without <c>CAP_SYS_NICE</c>, which is logged.</summary>
    public int BalancerNice { get; init; } = -10;

    /// <summary>
    /// How idle a reporting core must have been since its previous report (idle + iowait time in
    /// <c>/proc/stat</c>, 0 to 1) for the balancer to move a thread there. 0, the default, trusts
    /// the probe alone; on a machine that other processes keep busy, 0.5 keeps the balancer from
    /// moving threads to cores that are idle only in passing.
    /// </summary>
    public double MinIdleShare { get; init; }
}
