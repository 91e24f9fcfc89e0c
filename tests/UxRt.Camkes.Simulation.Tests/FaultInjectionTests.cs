using Handoff;
using Microsoft.Extensions.DependencyInjection;
using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Simulation;
using Sim = UxRt.Camkes.Runtime.Simulation.Simulation;

namespace UxRt.Camkes.Simulation.Tests;

/// <summary>Faults as inputs: a component fault, a restart, a dropped or delayed notification, at points the schedule chooses.</summary>
public sealed class FaultInjectionTests
{
    private static SimulationOptions Acknowledged(params SimulatedFault[] faults)
    {
        var options = new SimulationOptions { ConfigureServices = services => services.AddSingleton(HandoffProtocol.Acknowledged) };
        foreach (var fault in faults)
        {
            options.Faults.Add(fault);
        }

        return options;
    }

    [Fact]
    public void A_producer_fault_with_no_recovery_leaves_the_consumer_waiting_which_is_reported_as_a_deadlock()
    {
        var options = Acknowledged(SimulatedFault.ComponentFault("producer", atStep: 1));

        var result = Sim.Run(HandoffSystem.Create, seed: 0, options);

        Assert.Contains(result.Output, line => line.StartsWith("simulation: fault injected into producer.control", StringComparison.Ordinal));
        Assert.Equal(SimulationFailureKind.Deadlock, result.Failure);
        Assert.Contains("consumer.control -> notification consumer.filled", result.Message);
    }

    [Fact]
    public void A_fault_at_a_step_drawn_from_the_seed_strikes_at_different_points_in_different_schedules_and_the_same_point_on_replay()
    {
        var options = Acknowledged(SimulatedFault.ComponentFault("producer"));
        options.FaultStepRange = 15;

        var points = Enumerable.Range(0, 10).Select(seed => Sim.Run(HandoffSystem.Create, seed, options).Output.Single(line => line.Contains("fault injected", StringComparison.Ordinal))).ToList();

        Assert.True(points.Distinct().Count() > 1, string.Join("\n", points));
        Assert.Equal(points[4], Sim.Run(HandoffSystem.Create, 4, options).Output.Single(line => line.Contains("fault injected", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_restart_of_the_producer_replays_slot_one_which_the_consumer_catches()
    {
        // The recovery path has a bug of its own: a restarted producer starts again from slot 1.
        var options = Acknowledged(SimulatedFault.ComponentFault("producer", atStep: 10));
        options.System.DefaultFaultPolicy = FaultPolicy.Restart;

        var result = Sim.Explore<HandoffSystem>(options);

        Assert.False(result.Passed);
        Assert.Equal(SimulationFailureKind.AssertionFailed, result.Failure!.Failure);
        Assert.Contains("overwritten by slot 1", result.Failure.Message);
    }

    [Fact]
    public void A_dropped_notification_leaves_both_ends_waiting_for_each_other()
    {
        var result = Sim.Run(HandoffSystem.Create, seed: 0, Acknowledged(SimulatedFault.DropSignal("consumer", "filled", occurrence: 2)));

        Assert.Contains(result.Output, line => line.StartsWith("simulation: dropped signal 2 of consumer.filled", StringComparison.Ordinal));
        Assert.Equal(SimulationFailureKind.Deadlock, result.Failure);
        Assert.Contains("consumer.control -> notification consumer.filled", result.Message);
        Assert.Contains("producer.control -> notification producer.read", result.Message);
    }

    [Fact]
    public void A_delayed_notification_arrives_later_in_virtual_time_and_the_handoff_still_completes()
    {
        var delay = TimeSpan.FromSeconds(5);

        var result = Sim.Run(HandoffSystem.Create, seed: 0, Acknowledged(SimulatedFault.DelaySignal("consumer", "filled", delay, occurrence: 1)));

        Assert.True(result.Passed, result.ToString());
        Assert.Contains(result.Output, line => line.StartsWith("simulation: delayed signal 1 of consumer.filled", StringComparison.Ordinal));
        Assert.True(result.VirtualTime >= delay, result.VirtualTime.ToString());
        Assert.Equal(Producer.Count, result.Output.Count(line => line.StartsWith("consumer read slot", StringComparison.Ordinal)));
    }
}
