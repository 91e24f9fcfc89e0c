namespace UxRt.Camkes.Runtime.Tests.Support;

/// <summary>
/// Tests that attach process-wide telemetry listeners, and tests that a listener would disturb
/// (allocation counts), run one after another instead of in parallel.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ProcessWideListeners
{
    public const string Name = "process-wide listeners";
}
