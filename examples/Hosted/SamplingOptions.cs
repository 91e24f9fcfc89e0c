namespace Hosted;

/// <summary>How the monitor samples: bound from the <c>Sampling</c> section of appsettings.json (or the command line).</summary>
public sealed class SamplingOptions
{
    public const string SectionName = "Sampling";

    /// <summary>How many readings to take before the system ends; 0 samples until the application is stopped.</summary>
    public int Count { get; set; } = 5;

    /// <summary>How long the monitor waits between two readings.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMilliseconds(50);
}
