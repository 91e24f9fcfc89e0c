using System.Diagnostics;

// Listens to the connector's ActivitySource, runs the system, then prints what the glue traced:
// one client and one server activity per call, the server's tagged with the caller's badge.
var traced = new List<string>();
using var listener = new ActivityListener
{
    ShouldListenTo = source => source.Name == "UxRt.Camkes.Traced",
    Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
    ActivityStopped = activity =>
    {
        lock (traced)
        {
            traced.Add($"{activity.Kind.ToString().ToLowerInvariant()} {activity.DisplayName}{(activity.GetTagItem("camkes.badge") is { } badge ? " badge " + badge : string.Empty)}");
        }
    },
};
ActivitySource.AddActivityListener(listener);

var exitCode = TracedCalls.TracedCallsSystem.Run();
foreach (var line in traced.Order(StringComparer.Ordinal))
{
    Console.WriteLine("traced: " + line);
}

return exitCode;
