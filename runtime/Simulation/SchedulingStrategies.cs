namespace UxRt.Camkes.Runtime.Simulation;

/// <summary>Chooses which enabled thread runs next; every choice comes from the schedule's seeded generator.</summary>
internal interface ISchedulingStrategy
{
    void OnThreadStarted(ControlledThread thread);

    /// <param name="enabled">The threads that can run, in creation order (at least two).</param>
    ControlledThread Pick(IReadOnlyList<ControlledThread> enabled, ControlledThread? current, int step);
}

/// <summary>A random walk: each enabled thread equally likely at every point.</summary>
internal sealed class RandomWalkStrategy(Random random) : ISchedulingStrategy
{
    public void OnThreadStarted(ControlledThread thread)
    {
    }

    public ControlledThread Pick(IReadOnlyList<ControlledThread> enabled, ControlledThread? current, int step) =>
        enabled[random.Next(enabled.Count)];
}

/// <summary>
/// PCT (Burckhardt et al., "A randomized scheduler with probabilistic guarantees of finding bugs",
/// ASPLOS 2010): threads get random distinct priorities, the highest enabled one runs, and at
/// depth − 1 random steps the running thread drops to the lowest priority. A bug of depth d is then
/// found with probability at least 1/(n·k^(d−1)) per schedule, for n threads and k steps.
/// </summary>
internal sealed class PctStrategy : ISchedulingStrategy
{
    private readonly Random _random;
    private readonly HashSet<int> _changePoints = new();
    private int _lowest;

    public PctStrategy(Random random, int depth, int stepsHint)
    {
        _random = random;
        for (var i = 1; i < depth; i++)
        {
            _changePoints.Add(1 + random.Next(Math.Max(1, stepsHint)));
        }
    }

    // A random place in the priority order; dropped threads sit below every fresh one.
    public void OnThreadStarted(ControlledThread thread) => thread.Priority = 1 + _random.Next(int.MaxValue - 1);

    public ControlledThread Pick(IReadOnlyList<ControlledThread> enabled, ControlledThread? current, int step)
    {
        if (current is not null && _changePoints.Remove(step))
        {
            current.Priority = --_lowest;
        }

        var best = enabled[0];
        for (var i = 1; i < enabled.Count; i++)
        {
            if (enabled[i].Priority > best.Priority)
            {
                best = enabled[i];
            }
        }

        return best;
    }
}
