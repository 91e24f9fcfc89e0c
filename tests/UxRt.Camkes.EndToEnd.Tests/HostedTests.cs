using System.Diagnostics;

namespace UxRt.Camkes.EndToEnd.Tests;

/// <summary>
/// examples/Hosted as the solution build left it: a system inside a Generic Host application,
/// run to completion, then run until stopped and stopped by SIGTERM as a service manager would.
/// </summary>
public sealed class HostedTests
{
    // appsettings.json sets Camkes:ShutdownTimeout to 3 s; the margin covers a loaded machine.
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(3) + TimeSpan.FromSeconds(20);
    private static readonly TimeSpan StartBound = TimeSpan.FromMinutes(2);

    [Fact]
    public void By_itself_it_takes_the_configured_samples_and_exits_0()
    {
        var result = ExampleWorkspace.RunBuilt("Hosted");

        Assert.True(result.ExitCode == 0, result.Output);
        // Sampling options bound from appsettings.json, in the unicore monitor's constructor.
        Assert.Contains("monitor: taking 5 samples every 50 ms", result.Output);
        // The readings come from the registered ITemperatureSource, through the native thermometer:
        // 20.1 … 20.5 °C, mean 20.30.
        Assert.Contains("monitor: 5 samples, mean 20.30 °C", result.Output);
        // Both components log through the ILogger<T> they were given, under their own categories.
        Assert.Contains("Hosted.Thermometer", result.Output);
        Assert.Contains("Thermometer reads from SimulatedTemperatureSource", result.Output);
        Assert.Contains("Hosted.Monitor", result.Output);
        Assert.Contains("Reading 5: 20.5 °C", result.Output);
    }

    [Fact]
    public void Run_until_stopped_it_stops_cleanly_on_SIGTERM()
    {
        // From its output directory, where appsettings.json is.
        var output = Path.Combine(ExampleWorkspace.RepositoryRoot, "examples", "Hosted", "bin", ExampleWorkspace.Configuration, "net10.0");
        using var hosted = NodeProcess.Start("hosted", output, Path.Combine(output, "Hosted.dll"), "--Sampling:Count=0");

        Assert.True(hosted.WaitForOutput("monitor: sampling every 50 ms until stopped", StartBound), $"it did not report that it runs\n{hosted.Transcript}");
        // A reading went through, so the system is past its start and inside its loop.
        Assert.True(hosted.WaitForOutput("Reading 1:", StartBound), $"it took no reading\n{hosted.Transcript}");

        var stopping = Stopwatch.StartNew();
        hosted.SendSigterm();
        var exit = hosted.WaitForExit(StopBound);
        stopping.Stop();

        Assert.True(exit == 0, $"after SIGTERM it ended with {exit?.ToString() ?? "no exit within " + StopBound} ({stopping.Elapsed.TotalMilliseconds:F0} ms)\n{hosted.Transcript}");
        Assert.Contains(hosted.OutputLines, line => line.StartsWith("monitor: stopped after ", StringComparison.Ordinal));
        Assert.Contains("System Hosted stopped", hosted.Transcript);
    }
}
