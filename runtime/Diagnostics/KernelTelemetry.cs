using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace UxRt.Camkes.Runtime.Diagnostics;

/// <summary>
/// The runtime's metrics and traces, through .NET's own APIs so any OpenTelemetry or
/// dotnet-counters listener sees them. Instruments cost nothing measurable until a listener attaches.
/// These are the process-wide counters; a system under a host counts on its own meter from the
/// host's <see cref="IMeterFactory"/>, with the same name and instruments.
/// </summary>
public static class KernelTelemetry
{
    /// <summary>The name of both the <see cref="Meter"/> and the <see cref="ActivitySource"/>.</summary>
    public const string SourceName = "UxRt.Camkes";

    public const string InstanceTag = "camkes.instance";
    public const string InterfaceTag = "camkes.interface";

    /// <summary>Traces: one span per procedure call while a listener is attached.</summary>
    public static readonly ActivitySource Calls = new(SourceName);

    /// <summary>Procedure calls completed (tagged with the serving instance and interface).</summary>
    public static readonly Counter<long> CallCount = KernelMeters.Process.CallCount;

    /// <summary>Procedure calls whose handler threw (the caller received a fault exception).</summary>
    public static readonly Counter<long> CallFaultCount = KernelMeters.Process.CallFaultCount;

    /// <summary>Unhandled exceptions on component threads.</summary>
    public static readonly Counter<long> FaultCount = KernelMeters.Process.FaultCount;

    /// <summary>Work items that held a unicore instance's virtual CPU past its limit (tagged with the instance).</summary>
    public static readonly Counter<long> CpuStallCount = KernelMeters.Process.CpuStallCount;

    /// <summary>Notification signals (tagged with the consuming instance and interface).</summary>
    public static readonly Counter<long> SignalCount = KernelMeters.Process.SignalCount;

    /// <summary>Threads the idle-core balancer moved to an idle core (tagged with the instance, the thread and both cores).</summary>
    public static readonly Counter<long> BalancerMoveCount = KernelMeters.Process.BalancerMoveCount;
}
