using Handoff;
using Microsoft.Extensions.DependencyInjection;
using UxRt.Camkes.Runtime.Simulation;
using Xunit.Abstractions;

namespace UxRt.Camkes.Simulation.Tests;

/// <summary>
/// examples/Handoff: the producer may overwrite the shared slot before the consumer has read it.
/// The exploration finds that within a stated number of schedules, names the seed, and the seed
/// replays the same failure; the acknowledged protocol passes the same exploration.
/// </summary>
public sealed class HandoffTests(ITestOutputHelper output)
{
    // Stated bound: both strategies find the bug within this many schedules from seed 0.
    private const int Bound = 20;

    [Theory]
    [InlineData(SchedulingStrategy.RandomWalk)]
    [InlineData(SchedulingStrategy.Pct)]
    public void The_overwritten_slot_is_found_within_the_bound_and_its_seed_replays_it(SchedulingStrategy strategy)
    {
        var options = new SimulationOptions { Schedules = Bound, Strategy = strategy };

        var result = Runtime.Simulation.Simulation.Explore<HandoffSystem>(options);
        output.WriteLine(result.ToString());

        Assert.False(result.Passed);
        var failure = result.Failure!;
        Assert.Equal(SimulationFailureKind.AssertionFailed, failure.Failure);
        Assert.Contains("was overwritten by slot", failure.Message);
        Assert.True(result.SchedulesExplored <= Bound);

        var replayed = Runtime.Simulation.Simulation.Replay<HandoffSystem>(result.FailingSeed!.Value, options);
        output.WriteLine(replayed.TraceText);
        Assert.Equal(failure.Failure, replayed.Failure);
        Assert.Equal(failure.Message, replayed.Message);
        Assert.Equal(failure.TraceText, replayed.TraceText);
        Assert.Equal(failure.Output, replayed.Output);
    }

    [Theory]
    [InlineData(SchedulingStrategy.RandomWalk)]
    [InlineData(SchedulingStrategy.Pct)]
    public void The_acknowledged_handoff_passes_the_same_exploration(SchedulingStrategy strategy)
    {
        var options = new SimulationOptions
        {
            Schedules = 100,
            Strategy = strategy,
            ConfigureServices = services => services.AddSingleton(HandoffProtocol.Acknowledged),
        };

        var result = Runtime.Simulation.Simulation.Explore<HandoffSystem>(options);
        output.WriteLine(result.ToString());

        Assert.True(result.Passed, result.ToString());
        Assert.Equal(100, result.SchedulesExplored);
    }
}
