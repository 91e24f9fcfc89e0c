using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Notifications;
using UxRt.Camkes.Runtime.Simulation;
using UxRt.Camkes.Simulation.Tests.Support;
using Sim = UxRt.Camkes.Runtime.Simulation.Simulation;

namespace UxRt.Camkes.Simulation.Tests;

/// <summary>Time is virtual: it jumps to the next timer or timeout when every thread is blocked, so long waits cost no real time and end exactly on time.</summary>
public sealed class VirtualTimeTests
{
    [Fact]
    public void An_hour_long_delay_passes_at_once_and_the_components_clock_moves_by_exactly_that()
    {
        var elapsed = TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        var result = Sim.Run(context =>
        {
            var time = context.Services.GetRequiredService<TimeProvider>();
            var kernel = new SystemKernel("sleepy", context);
            Notification? woke = null;
            kernel.AddInstance("a", new Scripted(self =>
            {
                // Awaited on a thread of its own: a native thread that blocked on the task would be refused.
                self.Thread("sleeper", async () =>
                {
                    var before = time.GetUtcNow();
                    await self.Delay(TimeSpan.FromHours(1));
                    elapsed = time.GetUtcNow() - before;
                    woke!.Signal();
                });
                woke!.Wait(self.Stop);
            }), Systems.Control);
            woke = kernel.CreateNotification("a", "woke");
            return kernel;
        }, seed: 0, new SimulationOptions { MaxVirtualTime = TimeSpan.FromHours(2) });

        Assert.True(result.Passed, result.ToString());
        Assert.Equal(TimeSpan.FromHours(1), elapsed);
        Assert.True(result.VirtualTime >= TimeSpan.FromHours(1));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), clock.Elapsed.ToString());
    }

    [Fact]
    public void A_periodic_timer_ticks_on_virtual_time_in_order()
    {
        var ticks = new List<TimeSpan>();
        var result = Sim.Run(context =>
        {
            var time = context.Services.GetRequiredService<TimeProvider>();
            var kernel = new SystemKernel("ticking", context);
            Notification? fifth = null;
            kernel.AddInstance("a", new Scripted(self =>
            {
                var start = time.GetTimestamp();
                using var timer = self.Timer(TimeSpan.FromMilliseconds(10), () =>
                {
                    ticks.Add(time.GetElapsedTime(start));
                    if (ticks.Count == 5)
                    {
                        fifth!.Signal();
                    }
                });
                fifth!.Wait(self.Stop);
            }), Systems.Control);
            fifth = kernel.CreateNotification("a", "fifth");
            return kernel;
        }, seed: 0);

        Assert.True(result.Passed, result.ToString());
        Assert.Equal(Enumerable.Range(1, 5).Select(i => TimeSpan.FromMilliseconds(10 * i)), ticks.Take(5));
    }

    [Fact]
    public void A_timed_wait_on_a_notification_gives_up_exactly_at_its_timeout()
    {
        var waited = TimeSpan.Zero;
        var signalled = true;
        var result = Sim.Run(context =>
        {
            var time = context.Services.GetRequiredService<TimeProvider>();
            var kernel = new SystemKernel("timeout", context);
            Notification? never = null;
            kernel.AddInstance("a", new Scripted(_ =>
            {
                var start = time.GetTimestamp();
                signalled = never!.TryWait(TimeSpan.FromSeconds(2), out var _);
                waited = time.GetElapsedTime(start);
            }), Systems.Control);
            never = kernel.CreateNotification("a", "never");
            return kernel;
        }, seed: 0);

        Assert.True(result.Passed, result.ToString());
        Assert.False(signalled);
        Assert.Equal(TimeSpan.FromSeconds(2), waited);
    }
}
