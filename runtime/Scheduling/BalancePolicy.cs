namespace UxRt.Camkes.Runtime.Scheduling;

/// <summary>What the balancer knows of one thread when a core reports itself idle.</summary>
/// <param name="Runnable">Running or waiting for a core (Linux state R).</param>
/// <param name="Core">The core it runs on: its pinned core, else the one it last ran on.</param>
/// <param name="Movable">The specification lets the balancer move it.</param>
/// <param name="CoolingDown">It was moved too recently to move again.</param>
internal readonly record struct ThreadLoad(bool Runnable, int Core, bool Movable, bool CoolingDown);

/// <summary>
/// The balancer's decision, kept apart from the OS so it can be tested exactly: when
/// <c>idleCore</c> reports that it is idle, move one movable runnable thread from the core with
/// the most runnable threads, provided that core has at least two more than the idle one (so a
/// move makes the two cores more even, and never just swaps which one is crowded).
/// </summary>
internal static class BalancePolicy
{
    /// <summary>The index in <paramref name="threads"/> of the thread to move to <paramref name="idleCore"/>, or -1 for none.</summary>
    public static int Choose(IReadOnlyList<ThreadLoad> threads, int idleCore)
    {
        ArgumentNullException.ThrowIfNull(threads);
        var runnableOn = new Dictionary<int, int>();
        foreach (var thread in threads)
        {
            if (thread.Runnable)
            {
                runnableOn[thread.Core] = runnableOn.GetValueOrDefault(thread.Core) + 1;
            }
        }

        var onIdle = runnableOn.GetValueOrDefault(idleCore);
        var best = -1;
        var bestSourceLoad = onIdle + 1; // a source needs at least onIdle + 2 runnable threads
        for (var i = 0; i < threads.Count; i++)
        {
            var thread = threads[i];
            if (!thread.Runnable || !thread.Movable || thread.CoolingDown || thread.Core == idleCore)
            {
                continue;
            }

            // The most crowded core gives; among its threads, the first registered (a stable choice).
            var load = runnableOn[thread.Core];
            if (load > bestSourceLoad)
            {
                best = i;
                bestSourceLoad = load;
            }
        }

        return best;
    }
}
