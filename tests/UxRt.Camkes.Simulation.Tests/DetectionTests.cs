using Handoff;
using Microsoft.Extensions.DependencyInjection;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Notifications;
using UxRt.Camkes.Runtime.Simulation;
using UxRt.Camkes.Runtime.Synchronisation;
using UxRt.Camkes.Simulation.Tests.Support;
using Sim = UxRt.Camkes.Runtime.Simulation.Simulation;

namespace UxRt.Camkes.Simulation.Tests;

/// <summary>What ends a schedule as a failure: deadlock with its wait-for graph, livelock, an invariant, and what the simulation cannot control.</summary>
public sealed class DetectionTests
{
    [Fact]
    public void Two_components_each_waiting_for_the_other_first_are_a_deadlock_reported_with_the_wait_for_graph()
    {
        var result = Sim.Run(context =>
        {
            var kernel = new SystemKernel("stuck", context);
            Notification? toA = null, toB = null;
            kernel.AddInstance("a", new Scripted(self =>
            {
                toA!.Wait(self.Stop);
                toB!.Signal();
            }), Systems.Control);
            kernel.AddInstance("b", new Scripted(self =>
            {
                toB!.Wait(self.Stop);
                toA!.Signal();
            }), Systems.Control);
            toA = kernel.CreateNotification("a", "fromB");
            toB = kernel.CreateNotification("b", "fromA");
            return kernel;
        }, seed: 1);

        Assert.Equal(SimulationFailureKind.Deadlock, result.Failure);
        Assert.Contains("a.control -> notification a.fromB", result.Message);
        Assert.Contains("b.control -> notification b.fromA", result.Message);
        Assert.Contains("main -> the end of system stuck", result.Message);
    }

    [Fact]
    public void A_thread_waiting_for_a_mutex_whose_holder_waits_for_a_signal_that_never_comes_is_reported_with_the_holder()
    {
        var result = Sim.Run(context =>
        {
            var kernel = new SystemKernel("held", context);
            var books = new ComponentMutex("books", "a");
            Notification? never = null, holding = null;
            kernel.AddInstance("a", new Scripted(self =>
            {
                using (books.EnterScope())
                {
                    holding!.Signal();
                    never!.Wait(self.Stop);
                }
            }), Systems.Control);
            kernel.AddInstance("b", new Scripted(self =>
            {
                // Only once a holds the mutex, whatever the schedule.
                holding!.Wait(self.Stop);
                using (books.EnterScope())
                {
                }
            }), Systems.Control);
            never = kernel.CreateNotification("a", "never");
            holding = kernel.CreateNotification("b", "holding");
            return kernel;
        }, seed: 0);

        Assert.Equal(SimulationFailureKind.Deadlock, result.Failure);
        Assert.Contains("a.control -> notification a.never", result.Message);
        Assert.Contains("b.control -> mutex books held by thread a.control", result.Message);
    }

    [Fact]
    public void Two_components_that_signal_each_other_forever_are_a_livelock_after_the_step_bound()
    {
        var result = Sim.Run(context =>
        {
            var kernel = new SystemKernel("ping-pong", context);
            Notification? toA = null, toB = null;
            kernel.AddInstance("a", new Scripted(self =>
            {
                while (true)
                {
                    toB!.Signal();
                    toA!.Wait(self.Stop);
                }
            }), Systems.Control);
            kernel.AddInstance("b", new Scripted(self =>
            {
                while (true)
                {
                    toB!.Wait(self.Stop);
                    toA!.Signal();
                }
            }), Systems.Control);
            toA = kernel.CreateNotification("a", "ping");
            toB = kernel.CreateNotification("b", "pong");
            return kernel;
        }, seed: 2, new SimulationOptions { MaxSteps = 2_000 });

        Assert.Equal(SimulationFailureKind.Livelock, result.Failure);
        Assert.Contains("no end after 2000 steps", result.Message);
    }

    [Fact]
    public void A_system_whose_timer_never_lets_it_end_is_a_livelock_at_the_virtual_time_bound()
    {
        var ticks = 0;
        Notification? never = null;
        var result = Sim.Run(context =>
        {
            var kernel = new SystemKernel("forever", context);
            kernel.AddInstance("a", new Scripted(self =>
            {
                self.Thread("ticker", async () =>
                {
                    while (true)
                    {
                        await self.Delay(TimeSpan.FromSeconds(1));
                        ticks++;
                    }
                });
                never!.Wait(self.Stop);
            }), Systems.Control);
            never = kernel.CreateNotification("a", "never");
            return kernel;
        }, seed: 3, new SimulationOptions { MaxVirtualTime = TimeSpan.FromMinutes(1) });

        Assert.Equal(SimulationFailureKind.Livelock, result.Failure);
        Assert.InRange(ticks, 55, 61);
    }

    // At most one slot in flight: what the acknowledgement is for.
    private static bool OneSlotInFlight(SystemKernel kernel) =>
        kernel.GetInstance<Producer>("producer").Written - kernel.GetInstance<Consumer>("consumer").Taken <= 1;

    [Fact]
    public void An_invariant_between_steps_catches_the_second_slot_in_flight_before_any_assertion_and_replays_at_the_same_step()
    {
        var result = Sim.Explore<HandoffSystem>(new SimulationOptions { Schedules = 20 }, OneSlotInFlight);

        Assert.False(result.Passed);
        Assert.Equal(SimulationFailureKind.InvariantViolated, result.Failure!.Failure);
        Assert.Contains("the invariant does not hold at step", result.Failure.Message);
        var replayed = Sim.Replay<HandoffSystem>(result.FailingSeed!.Value, invariant: OneSlotInFlight);
        Assert.Equal(result.Failure.FailureStep, replayed.FailureStep);
        Assert.Equal(result.Failure.TraceText, replayed.TraceText);
    }

    [Fact]
    public void The_same_invariant_holds_in_every_schedule_of_the_acknowledged_handoff()
    {
        var options = new SimulationOptions
        {
            Schedules = 50,
            ConfigureServices = services => services.AddSingleton(HandoffProtocol.Acknowledged),
        };

        var result = Sim.Explore<HandoffSystem>(options, OneSlotInFlight);

        Assert.True(result.Passed, result.ToString());
    }
}
