namespace UxRt.Camkes.Runtime.Diagnostics;

/// <summary>The instance/interface tag pair of one kernel object, built once so that recording a measurement allocates nothing.</summary>
internal readonly struct InterfaceTags(string instance, string interfaceName)
{
    public readonly KeyValuePair<string, object?> Instance = new(KernelTelemetry.InstanceTag, instance);
    public readonly KeyValuePair<string, object?> Interface = new(KernelTelemetry.InterfaceTag, interfaceName);
}
