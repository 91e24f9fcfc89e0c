using Handoff;
using Microsoft.Extensions.DependencyInjection;
using UxRt.Camkes.Runtime.Simulation;
using Xunit.Abstractions;
using Sim = UxRt.Camkes.Runtime.Simulation.Simulation;

namespace UxRt.Camkes.Simulation.Tests;

/// <summary>Exploring more schedules of a small system finds more distinct interleavings; other systems run under simulation too.</summary>
public sealed class CoverageTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(SchedulingStrategy.RandomWalk)]
    [InlineData(SchedulingStrategy.Pct)]
    public void Distinct_interleavings_of_the_acknowledged_handoff_grow_with_the_schedules_explored(SchedulingStrategy strategy)
    {
        int Distinct(int schedules) => Sim.Explore<HandoffSystem>(new SimulationOptions
        {
            Schedules = schedules,
            Strategy = strategy,
            ConfigureServices = services => services.AddSingleton(HandoffProtocol.Acknowledged),
        }).DistinctSchedules;

        var few = Distinct(10);
        var more = Distinct(50);
        var many = Distinct(200);
        output.WriteLine($"{strategy}: 10 → {few}, 50 → {more}, 200 → {many} distinct");

        Assert.InRange(few, 2, 10);
        Assert.True(more > few, $"{more} <= {few}");
        Assert.True(many > more, $"{many} <= {more}");
    }

    [Fact]
    public void A_time_budget_ends_an_exploration_between_schedules_after_its_first()
    {
        var result = Sim.Explore<HandoffSystem>(new SimulationOptions
        {
            Schedules = 1_000_000,
            TimeBudget = TimeSpan.Zero,
            ConfigureServices = services => services.AddSingleton(HandoffProtocol.Acknowledged),
        });

        Assert.True(result.Passed, result.ToString());
        Assert.Equal(1, result.SchedulesExplored);
    }

    [Fact]
    public void The_pipeline_example_passes_under_simulation_with_its_rpc_dataport_and_passive_interface()
    {
        var result = Sim.Explore<Pipeline.PipelineSystem>(new SimulationOptions { Schedules = 2, RecordTrace = false });
        output.WriteLine(result.ToString());

        Assert.True(result.Passed, result.ToString());
        Assert.Equal(2, result.DistinctSchedules);
    }
}
