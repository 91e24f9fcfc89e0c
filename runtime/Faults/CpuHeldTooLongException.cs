using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Faults;

/// <summary>The watchdog's entry in the kernel's fault list: a work item held a virtual CPU past its limit.</summary>
public sealed class CpuHeldTooLongException(CpuStall stall) : Exception(stall.ToString())
{
    public CpuStall Stall { get; } = stall;
}
