using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Notifications;
using UxRt.Camkes.Runtime.Simulation;
using UxRt.Camkes.Simulation.Tests.Support;
using Sim = UxRt.Camkes.Runtime.Simulation.Simulation;

namespace UxRt.Camkes.Simulation.Tests;

/// <summary>What the simulation cannot control is reported as the schedule's failure, never hung on or silently run.</summary>
public sealed class RefusalTests
{
    [Fact]
    public void A_signal_from_a_thread_pool_thread_is_refused_naming_the_thread()
    {
        var result = Sim.Run(context =>
        {
            var kernel = new SystemKernel("pool", context);
            Notification? done = null;
            kernel.AddInstance("a", new Scripted(self =>
            {
                Task.Run(() => done!.Signal());

                // Polls on virtual time (no real time passes) until the pool thread signals, whenever the machine runs it.
                while (!done!.TryWait(TimeSpan.FromMilliseconds(1), out _))
                {
                }
            }), Systems.Control);
            done = kernel.CreateNotification("a", "done");
            return kernel;
        }, seed: 0, new SimulationOptions { MaxSteps = int.MaxValue, MaxVirtualTime = TimeSpan.MaxValue });

        Assert.Equal(SimulationFailureKind.UncontrolledThread, result.Failure);
        Assert.Contains("signal a.done from thread", result.Message);
        Assert.Contains("which the kernel did not start", result.Message);
    }

    [Fact]
    public void A_component_blocking_in_a_BCL_wait_is_reported_instead_of_hanging_the_schedule()
    {
        using var never = new ManualResetEventSlim(false);
        var options = new SimulationOptions
        {
            BlockedOutsideKernelLimit = TimeSpan.FromMilliseconds(200),
            TeardownTimeout = TimeSpan.FromSeconds(5),
        };
        options.System.ShutdownTimeout = TimeSpan.FromMilliseconds(200);
        try
        {
            var result = Sim.Run(context =>
            {
                var kernel = new SystemKernel("bcl", context);
                kernel.AddInstance("a", new Scripted(_ => never.Wait(TimeSpan.FromSeconds(30))), Systems.Control);
                return kernel;
            }, seed: 0, options);

            Assert.Equal(SimulationFailureKind.UncontrolledBlocking, result.Failure);
            Assert.Contains("thread a.control blocks outside the kernel", result.Message);
        }
        finally
        {
            never.Set();
        }
    }
}
