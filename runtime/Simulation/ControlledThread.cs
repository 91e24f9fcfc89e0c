namespace UxRt.Camkes.Runtime.Simulation;

/// <summary>
/// One OS thread under a <see cref="SimulationScheduler"/>: it runs only while its gate is open,
/// and the scheduler opens exactly one gate at a time.
/// </summary>
internal sealed class ControlledThread
{
    public ControlledThread(SimulationScheduler scheduler, int id, string name, bool daemon)
    {
        Scheduler = scheduler;
        Id = id;
        Name = name;
        Daemon = daemon;
    }

    public SimulationScheduler Scheduler { get; }

    /// <summary>Creation order in the schedule: the same in every run of a seed, so decisions name it.</summary>
    public int Id { get; }

    public string Name { get; }

    /// <summary>The scheduler's timer thread: not waited for when the system ends, never part of a deadlock.</summary>
    public bool Daemon { get; }

    public readonly SemaphoreSlim Gate = new(0);

    public Thread? Os;

    public ThreadRunState State = ThreadRunState.Ready;

    // While blocked: what ends the wait, when it gives up (virtual ticks), and what it waits for (for reports).
    public Func<bool>? Until;
    public long Deadline = long.MaxValue;
    public string? WaitingFor;

    // What holds what it waits for (a mutex's holder), read when a deadlock is reported.
    public Kernel.IWaitTarget? WaitTarget;

    // True while the thread sits on its gate (or is about to): a thread off its gate and in a BCL wait blocks outside the kernel.
    public volatile bool AtGate;

    // Where it was last seen, kept in pieces so that a step formats nothing.
    public string PointName = "start";
    public string? PointSubject;

    /// <summary>Where it was last seen: the kernel operation it stopped at.</summary>
    public string LastPoint => PointSubject is null ? PointName : $"{PointName} {PointSubject}";

    /// <summary>PCT: higher runs first.</summary>
    public int Priority;

    public bool IsEnabled(long now) =>
        State == ThreadRunState.Ready
        || (State == ThreadRunState.Blocked && (Deadline <= now || Until!()));

    public override string ToString() => Name;
}

internal enum ThreadRunState
{
    Ready,
    Blocked,
    Done,
}
