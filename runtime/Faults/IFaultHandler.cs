namespace UxRt.Camkes.Runtime.Faults;

/// <summary>
/// A component that handles the faults of others (<c>inst.fault_handler = "monitor";</c>). Called
/// on the faulted thread just before the fault policy is applied; its own exceptions are logged.
/// </summary>
public interface IFaultHandler
{
    void HandleFault(FaultRecord fault);
}
