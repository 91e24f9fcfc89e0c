using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Scheduling;
using UxRt.Camkes.Runtime.Tests.Support;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Tests.Scheduling;

/// <summary><c>affinity</c> pins for real on Linux: the thread's mask holds its core, and it runs there.</summary>
public sealed class AffinityTests
{
    [SkippableFact]
    public void A_native_control_thread_with_an_affinity_runs_on_that_core_only()
    {
        Skip.IfNot(Placement.CanPin(out var cores), Placement.CannotPinReason);

        var core = cores[^1];
        int seen = -2;
        IReadOnlyList<int> mask = [];
        using var kernel = new SystemKernel("pinned native");
        kernel.AddInstance("worker", new ScriptedComponent
        {
            OnRun = _ =>
            {
                mask = OsScheduling.GetAffinity();
                seen = OsScheduling.CurrentCore();
            },
        }, new InstanceOptions { HasControl = true, ControlThread = new ThreadSettings(Affinity: core) });

        kernel.Start();
        Assert.True(kernel.WaitForControlThreads(Bounded.Wait));
        Assert.Empty(kernel.Stop());

        Assert.Equal([core], mask);
        Assert.Equal(core, seen);
        var placement = Assert.Single(kernel.Placements, p => p.Name == "worker.control");
        Assert.Equal(core, placement.Core);
        Assert.NotEqual(0, placement.NativeThreadId);
    }

    [SkippableFact]
    public void A_unicore_instance_with_an_affinity_has_its_virtual_cpu_pinned_there()
    {
        Skip.IfNot(Placement.CanPin(out var cores), Placement.CannotPinReason);

        var core = cores[^1];
        int seen = -2;
        IReadOnlyList<int> mask = [];
        using var kernel = new SystemKernel("pinned unicore");
        kernel.AddInstance("stack", new ScriptedComponent
        {
            OnRunAsync = async _ =>
            {
                await Task.Yield();
                mask = OsScheduling.GetAffinity();
                seen = OsScheduling.CurrentCore();
            },
        }, new InstanceOptions { HasControl = true, ControlThread = new ThreadSettings(Affinity: core), Threading = new UnicoreThreadingModel("stack") });

        kernel.Start();
        Assert.True(kernel.WaitForControlThreads(Bounded.Wait));
        Assert.Empty(kernel.Stop());

        Assert.Equal([core], mask);
        Assert.Equal(core, seen);
        var placement = Assert.Single(kernel.Placements, p => p.Name == "stack.cpu");
        Assert.True(placement.IsVirtualCpu);
        Assert.False(placement.Movable);
    }

    [SkippableFact]
    public void An_interface_thread_is_pinned_and_a_low_priority_is_applied_as_a_nice_value()
    {
        Skip.IfNot(Placement.CanPin(out var cores), Placement.CannotPinReason);

        using var kernel = new SystemKernel("pinned server");
        kernel.AddInstance("server", new ScriptedComponent(), hasControl: false);
        kernel.Serve("server", "calc", new CalculatorDispatcher(new Calculator()), new ThreadSettings(Priority: 0, Affinity: cores[0]));
        kernel.Start();
        var placement = Assert.Single(kernel.Placements, p => p.Name == "server.calc");
        var nice = Placement.NiceOf(placement.NativeThreadId);
        var mask = OsScheduling.GetAffinity(placement.NativeThreadId);
        Assert.Empty(kernel.Stop());

        Assert.Equal([cores[0]], mask);
        Assert.Equal(19, nice);
        Assert.DoesNotContain(placement.Outcome, o => o.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
    }

    [SkippableFact]
    public void An_affinity_outside_the_process_cores_is_logged_and_leaves_the_thread_free()
    {
        Skip.IfNot(Placement.CanPin(out _), Placement.CannotPinReason);

        var logger = new RecordingLogger();
        using var kernel = new SystemKernel("impossible", logger);
        kernel.AddInstance("worker", new ScriptedComponent(), new InstanceOptions { HasControl = true, ControlThread = new ThreadSettings(Affinity: 1000) });
        kernel.Start();
        Assert.True(kernel.WaitForControlThreads(Bounded.Wait));
        Assert.Empty(kernel.Stop());

        Assert.Null(Assert.Single(kernel.Placements).Core);
        Assert.Contains(logger.Entries, e => e.Message.Contains("affinity 1000 not applied", StringComparison.Ordinal));
    }
}
