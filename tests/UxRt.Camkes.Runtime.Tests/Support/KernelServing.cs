using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Kernel;

namespace UxRt.Camkes.Runtime.Tests.Support;

/// <summary>Serves an interface through the kernel as the connector of <see cref="EndpointKind"/> would.</summary>
internal static class KernelServing
{
    /// <summary>seL4RPCCall (threaded), <c>_passive</c> or seL4DirectCall, with a handler that never awaits.</summary>
    public static Endpoint Serve(this SystemKernel kernel, EndpointKind kind, string instance, string interfaceName, ICallDispatcher dispatcher) => kind switch
    {
        EndpointKind.Threaded => kernel.Serve(instance, interfaceName, dispatcher),
        EndpointKind.Passive => kernel.ServePassive(instance, interfaceName, dispatcher),
        _ => kernel.ServeDirect(instance, interfaceName, dispatcher),
    };

    /// <summary>Like the other overload, for a unicore server whose handlers may await.</summary>
    public static Endpoint Serve(this SystemKernel kernel, EndpointKind kind, string instance, string interfaceName, IAsyncCallDispatcher dispatcher) => kind switch
    {
        EndpointKind.Threaded => kernel.Serve(instance, interfaceName, dispatcher),
        EndpointKind.Passive => kernel.ServePassive(instance, interfaceName, dispatcher),
        _ => kernel.ServeDirect(instance, interfaceName, dispatcher),
    };
}
