using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Scheduling;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Kernel;

/// <summary>
/// The settings of a running system that are not part of its spec. Under the Generic Host they are
/// bound from the <c>Camkes</c> configuration section (<c>"Camkes": { "ShutdownTimeout": "00:00:05" }</c>,
/// or <c>Camkes__ShutdownTimeout</c> in the environment) and validated when the host starts; without a
/// host, pass them to the generated <c>Create</c> or <c>Run</c>.
/// </summary>
public sealed class SystemOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Camkes";

    /// <summary>How long a stop waits for threads and calls to finish before failing what is left and reporting the threads.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times one instance may be restarted after faults before its faults are only recorded.</summary>
    public int RestartLimit { get; set; } = 3;

    /// <summary>The fault policy of instances whose spec sets no <c>fault_policy</c>.</summary>
    public FaultPolicy DefaultFaultPolicy { get; set; } = FaultPolicy.Continue;

    /// <summary>How long one work item may hold a unicore instance's virtual CPU before the watchdog reports it, where the spec sets no <c>cpu_hold_limit_ms</c>.</summary>
    public TimeSpan CpuHoldLimit { get; set; } = VirtualCpu.DefaultHoldLimit;

    /// <summary>Whether the idle-core balancer runs with the system (see <see cref="IdleBalancer"/>).</summary>
    public bool EnableIdleBalancer { get; set; }

    /// <summary>How the idle-core balancer probes and moves threads, when <see cref="EnableIdleBalancer"/> is set.</summary>
    public IdleBalancerOptions IdleBalancer { get; set; } = new();
}
