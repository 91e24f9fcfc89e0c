using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Scheduling;

namespace UxRt.Camkes.Runtime.Tests.Support;

/// <summary>
/// The balancer tests keep busy threads on chosen cores, so they run alone: with the parallel
/// tests finished, a core left idle stays idle but for the machine's own background load.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Placement
{
    public const string Name = "placement";

    /// <summary>Whether this machine can pin threads (Linux, two cores or more); the tests pass trivially where not.</summary>
    /// <summary>Why a placement test reports itself skipped instead of passing without checking anything.</summary>
    public const string CannotPinReason = "this machine cannot pin threads: it needs Linux's sched_setaffinity and at least two cores this process may use";

    public static bool CanPin(out IReadOnlyList<int> cores)
    {
        cores = OsScheduling.AvailableCores;
        return OsScheduling.IsSupported && cores.Count >= 2;
    }

    /// <summary>The nice value of a thread of this process (field 19 of <c>/proc/self/task/tid/stat</c>).</summary>
    public static int NiceOf(int threadId)
    {
        var stat = File.ReadAllText($"/proc/self/task/{threadId}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], System.Globalization.CultureInfo.InvariantCulture);
    }
}
