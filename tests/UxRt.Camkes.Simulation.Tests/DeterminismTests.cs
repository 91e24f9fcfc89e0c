using System.Diagnostics;
using Handoff;
using Microsoft.Extensions.DependencyInjection;
using UxRt.Camkes.Runtime.Simulation;

namespace UxRt.Camkes.Simulation.Tests;

/// <summary>The same seed makes the same decisions and the same output: in one process, a hundred times over, and in another process.</summary>
public sealed class DeterminismTests
{
    private static SimulationOptions Acknowledged(int seed = 0) => new()
    {
        Seed = seed,
        ConfigureServices = services => services.AddSingleton(HandoffProtocol.Acknowledged),
    };

    [Fact]
    public void One_seed_gives_the_same_trace_and_output_a_hundred_times()
    {
        var first = Runtime.Simulation.Simulation.Replay<HandoffSystem>(7, Acknowledged());
        Assert.True(first.Passed, first.ToString());
        Assert.NotEmpty(first.Trace);

        for (var run = 0; run < 100; run++)
        {
            var again = Runtime.Simulation.Simulation.Replay<HandoffSystem>(7, Acknowledged());
            Assert.Equal(first.TraceText, again.TraceText);
            Assert.Equal(first.Output, again.Output);
            Assert.Equal(first.Steps, again.Steps);
        }
    }

    [Fact]
    public void A_failing_seed_gives_the_same_trace_and_output_a_hundred_times()
    {
        var first = Runtime.Simulation.Simulation.Replay<HandoffSystem>(0);
        Assert.False(first.Passed);

        for (var run = 0; run < 100; run++)
        {
            var again = Runtime.Simulation.Simulation.Replay<HandoffSystem>(0);
            Assert.Equal(first.TraceText, again.TraceText);
            Assert.Equal(first.Output, again.Output);
            Assert.Equal(first.Message, again.Message);
        }
    }

    [Theory]
    [InlineData(SchedulingStrategy.RandomWalk)]
    [InlineData(SchedulingStrategy.Pct)]
    public void A_unicore_system_with_timers_and_awaited_calls_replays_exactly(SchedulingStrategy strategy)
    {
        var options = new SimulationOptions { Strategy = strategy };
        var first = Runtime.Simulation.Simulation.Replay<RumpNet.RumpNetSystem>(3, options);
        Assert.True(first.Passed, first.ToString());
        Assert.True(first.VirtualTime > TimeSpan.Zero);

        for (var run = 0; run < 5; run++)
        {
            var again = Runtime.Simulation.Simulation.Replay<RumpNet.RumpNetSystem>(3, options);
            Assert.Equal(first.TraceText, again.TraceText);
            Assert.Equal(first.Output, again.Output);
            Assert.Equal(first.VirtualTime, again.VirtualTime);
        }
    }

    [Fact]
    public void Two_processes_replaying_one_seed_print_the_same_bytes()
    {
        var inProcess = Runtime.Simulation.Simulation.Replay<HandoffSystem>(0);
        var first = RunExample("replay", "0");
        var second = RunExample("replay", "0");

        Assert.Equal(first, second);
        Assert.Contains(inProcess.TraceText, first, StringComparison.Ordinal);
    }

    // The example's own entry point, in a process of its own.
    private static string RunExample(params string[] arguments)
    {
        var assembly = typeof(HandoffSystem).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "the example did not end within 30 s");
        Assert.True(stderr.Wait(TimeSpan.FromSeconds(5)) && stdout.Wait(TimeSpan.FromSeconds(5)));
        Assert.Equal(string.Empty, stderr.Result);
        return stdout.Result;
    }
}
