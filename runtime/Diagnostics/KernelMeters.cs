using System.Diagnostics.Metrics;

namespace UxRt.Camkes.Runtime.Diagnostics;

/// <summary>
/// The runtime's counters, made from one <see cref="Meter"/>: the process-wide one of
/// <see cref="KernelTelemetry"/>, or, for a system under a host, one from the host's
/// <see cref="IMeterFactory"/> (so the host's container owns it and its tests can observe it alone).
/// Each kernel hands its own to the endpoints and notifications it makes.
/// </summary>
internal sealed class KernelMeters
{
    private KernelMeters(Meter meter)
    {
        CallCount = meter.CreateCounter<long>("camkes.rpc.calls", unit: "{call}", description: "Procedure calls served");
        CallFaultCount = meter.CreateCounter<long>("camkes.rpc.faults", unit: "{call}", description: "Procedure calls whose handler threw");
        FaultCount = meter.CreateCounter<long>("camkes.faults", unit: "{fault}", description: "Unhandled exceptions on component threads");
        CpuStallCount = meter.CreateCounter<long>("camkes.cpu.stalls", unit: "{stall}", description: "Work items that held a virtual CPU past its limit");
        SignalCount = meter.CreateCounter<long>("camkes.notifications.signals", unit: "{signal}", description: "Notifications emitted");
        BalancerMoveCount = meter.CreateCounter<long>("camkes.balancer.moves", unit: "{move}", description: "Threads moved to an idle core by the balancer");
    }

    /// <summary>The counters of systems built without a meter factory.</summary>
    public static KernelMeters Process { get; } = new(new Meter(KernelTelemetry.SourceName));

    public Counter<long> CallCount { get; }

    public Counter<long> CallFaultCount { get; }

    public Counter<long> FaultCount { get; }

    public Counter<long> CpuStallCount { get; }

    public Counter<long> SignalCount { get; }

    public Counter<long> BalancerMoveCount { get; }

    /// <summary>Counters from <paramref name="factory"/>'s meter of the runtime's name; the process-wide ones without a factory.</summary>
    public static KernelMeters From(IMeterFactory? factory) =>
        factory is null ? Process : new KernelMeters(factory.Create(new MeterOptions(KernelTelemetry.SourceName)));
}
