using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace UxRt.Camkes.Runtime.Diagnostics;

/// <summary>
/// The runtime's metrics and traces, through .NET's own APIs so any OpenTelemetry or
/// dotnet-counters listener sees them. Instruments cost nothing measurable until a listener attaches.
/// </summary>
public static class KernelTelemetry
{
    /// <summary>The name of both the <see cref="Meter"/> and the <see cref="ActivitySource"/>.</summary>
    public const string SourceName = "UxRt.Camkes";

    public const string InstanceTag = "camkes.instance";
    public const string InterfaceTag = "camkes.interface";

    private static readonly Meter Meter = new(SourceName);

    /// <summary>Traces: one span per procedure call while a listener is attached.</summary>
    public static readonly ActivitySource Calls = new(SourceName);

    /// <summary>Procedure calls completed (tagged with the serving instance and interface).</summary>
    public static readonly Counter<long> CallCount = Meter.CreateCounter<long>("camkes.rpc.calls", unit: "{call}", description: "Procedure calls served");

    /// <summary>Procedure calls whose handler threw (the caller received a fault exception).</summary>
    public static readonly Counter<long> CallFaultCount = Meter.CreateCounter<long>("camkes.rpc.faults", unit: "{call}", description: "Procedure calls whose handler threw");

    /// <summary>Unhandled exceptions on component threads.</summary>
    public static readonly Counter<long> FaultCount = Meter.CreateCounter<long>("camkes.faults", unit: "{fault}", description: "Unhandled exceptions on component threads");

    /// <summary>Work items that held a unicore instance's virtual CPU past its limit (tagged with the instance).</summary>
    public static readonly Counter<long> CpuStallCount = Meter.CreateCounter<long>("camkes.cpu.stalls", unit: "{stall}", description: "Work items that held a virtual CPU past its limit");

    /// <summary>Notification signals (tagged with the consuming instance and interface).</summary>
    public static readonly Counter<long> SignalCount = Meter.CreateCounter<long>("camkes.notifications.signals", unit: "{signal}", description: "Notifications emitted");

    /// <summary>Threads the idle-core balancer moved to an idle core (tagged with the instance, the thread and both cores).</summary>
    public static readonly Counter<long> BalancerMoveCount = Meter.CreateCounter<long>("camkes.balancer.moves", unit: "{move}", description: "Threads moved to an idle core by the balancer");
}
