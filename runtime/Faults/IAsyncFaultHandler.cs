namespace UxRt.Camkes.Runtime.Faults;

/// <summary>
/// A fault handler that awaits (<c>inst.fault_handler = "monitor";</c> on a component implementing
/// this): what a unicore monitor needs, since it must not block its CPU while it, say, calls a
/// logger component. A native faulted thread waits until it has finished before the fault policy
/// is applied; a faulted virtual CPU never waits, so there the policy may be applied first. The
/// handler's own exceptions, even after an await, are logged. Being an <see cref="IFaultHandler"/>
/// too, it is passed wherever one is; the kernel awaits <see cref="HandleFaultAsync"/> and never
/// calls <see cref="IFaultHandler.HandleFault"/>.
/// </summary>
public interface IAsyncFaultHandler : IFaultHandler
{
    ValueTask HandleFaultAsync(FaultRecord fault);

    // Only for code that calls it as a synchronous handler: it blocks until the awaitable one is done.
    void IFaultHandler.HandleFault(FaultRecord fault) => HandleFaultAsync(fault).AsTask().GetAwaiter().GetResult();
}
