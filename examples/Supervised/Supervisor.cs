using UxRt.Camkes.Runtime.Faults;

namespace Supervised;

/// <summary>The worker's fault handler: reports the fault and answers the job in the worker's stead.</summary>
public sealed class Supervisor : SupervisorBase, IFaultHandler
{
    public void HandleFault(FaultRecord fault)
    {
        Console.WriteLine($"{InstanceName}: {fault.Instance} faulted on {fault.Thread}: {fault.Exception.Message}");
        Failed.Emit();
    }
}
