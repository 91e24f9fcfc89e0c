using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Synchronisation;
using UxRt.Camkes.Runtime.Tests.Support;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Tests.Threading;

/// <summary>
/// The run queue is FIFO: a lightweight thread that yields goes to the back of it, behind every
/// call, callback and tick already queued, so a busy loop that yields never starves them.
/// </summary>
public sealed class UnicoreFairnessTests
{
    private const int Calls = 200;
    private const int Ticks = 50;

    [Theory]
    [InlineData(EndpointKind.Threaded)]
    [InlineData(EndpointKind.Passive)]
    [InlineData(EndpointKind.Direct)]
    public void A_control_loop_that_only_yields_never_starves_calls_into_the_component(EndpointKind kind)
    {
        using var kernel = new SystemKernel("fairness");
        using var callsDone = new CancellationTokenSource();
        var laps = 0;
        kernel.AddInstance("spinner", new ScriptedComponent
        {
            OnRunAsync = async _ =>
            {
                while (!callsDone.IsCancellationRequested)
                {
                    laps++;
                    await Task.Yield();
                }
            },
        }, new InstanceOptions { HasControl = true, Threading = new UnicoreThreadingModel("spinner") });
        var endpoint = kernel.Serve(kind, "spinner", "calc", new CalculatorDispatcher(new Calculator()));

        kernel.Start();
        Bounded.RunThreads(() =>
        {
            var calculator = new CalculatorClient(endpoint, badge: 1);
            for (var i = 0; i < Calls; i++)
            {
                Assert.Equal(i + 1, calculator.Add(i, 1));
            }
        });
        callsDone.Cancel();

        Assert.True(kernel.WaitForControlThreads(Bounded.Wait));
        Assert.True(laps > 0);
        Assert.DoesNotContain(kernel.Faults, f => f.Exception is not CpuHeldTooLongException);
        Assert.Empty(kernel.Stop());
    }

    [Fact]
    public void A_control_loop_that_only_yields_never_starves_callbacks_timers_or_a_sibling()
    {
        using var kernel = new SystemKernel("fair to everyone");
        var acknowledged = new SemaphoreSlim(0);
        var ticked = new ComponentSemaphore("ticked");
        var siblingLaps = 0;
        kernel.AddInstance("spinner", new ScriptedComponent
        {
            OnRunAsync = async self =>
            {
                using var timer = self.StartTimer(TimeSpan.FromMilliseconds(1), ticked.Post);
                var sibling = self.StartThread("sibling", async () =>
                {
                    // Needs the CPU for each of its steps, as the yielding loop does.
                    for (; siblingLaps < Calls; siblingLaps++)
                    {
                        await Task.Yield();
                    }
                });

                // Ends only once the timer has ticked enough: its ticks must get the CPU while the loop runs.
                while (ticked.Value < Ticks)
                {
                    await Task.Yield();
                }

                await sibling;
            },
        }, new InstanceOptions { HasControl = true, Threading = new UnicoreThreadingModel("spinner") });
        var pokes = kernel.CreateNotification("spinner", "pokes");
        using var registration = pokes.RegisterCallback(_ => acknowledged.Release());

        kernel.Start();
        Bounded.RunThreads(() =>
        {
            for (var i = 0; i < Calls; i++)
            {
                pokes.Signal();
                Assert.True(acknowledged.Wait(Bounded.Wait), $"callback {i} never ran");
            }
        });

        Assert.True(kernel.WaitForControlThreads(Bounded.Wait), "the timer's ticks or the sibling were starved");
        Assert.Equal(Calls, siblingLaps);
        Assert.Empty(kernel.Stop());
    }
}
