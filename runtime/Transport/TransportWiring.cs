using System.ComponentModel;
using UxRt.Camkes.Runtime.Dataports;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Notifications;
using UxRt.Camkes.Runtime.Threading;
using UxRt.Camkes.Runtime.Transport;

namespace UxRt.Camkes.Runtime.Glue;

/// <summary>
/// What the generated wiring of a UxrtTransport connection calls: serve a path on the kernel, then
/// connect each client to it with a shared buffer of its own.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TransportWiring
{
    /// <summary>The shared buffer a client gets unless <c>&lt;iface&gt;_buffer_size</c> says otherwise: 64 KiB.</summary>
    public const int DefaultBufferSize = 64 * 1024;

    /// <summary>
    /// Serves <paramref name="path"/> with a native component's handler: on the interface's own
    /// thread (one hand-off to send, one to reply), or on the caller's thread when
    /// <paramref name="passive"/>. On a unicore instance every call runs on its CPU.
    /// </summary>
    public static TransportEndpoint Serve(SystemKernel kernel, string instance, string interfaceName, string path, ITransportHandler handler, DataportAccess access = DataportAccess.ReadWrite, bool passive = false, ThreadSettings thread = default)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(handler);
        var endpoint = new TransportEndpoint(instance, interfaceName, path, access) { Meters = kernel.Meters };
        var dispatcher = new TransportDispatcher(endpoint, handler);
        endpoint.Rpc = passive ? kernel.ServePassive(instance, interfaceName, dispatcher) : kernel.Serve(instance, interfaceName, dispatcher, thread);
        return endpoint;
    }

    /// <summary>Serves <paramref name="path"/> with a unicore component's handler, which may await on its CPU.</summary>
    public static TransportEndpoint Serve(SystemKernel kernel, string instance, string interfaceName, string path, ITransportAsyncHandler handler, DataportAccess access = DataportAccess.ReadWrite, bool passive = false, ThreadSettings thread = default)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(handler);
        var endpoint = new TransportEndpoint(instance, interfaceName, path, access) { Meters = kernel.Meters };
        var dispatcher = new TransportAsyncDispatcher(endpoint, handler);
        endpoint.Rpc = passive ? kernel.ServePassive(instance, interfaceName, dispatcher) : kernel.Serve(instance, interfaceName, dispatcher, thread);
        return endpoint;
    }

    /// <summary>
    /// Connects <paramref name="instance"/>.<paramref name="interfaceName"/> to <paramref name="endpoint"/>:
    /// a shared buffer of <paramref name="bufferSize"/> bytes for its long messages (the dataport the
    /// connector creates) and a readiness notification for its poll sets.
    /// </summary>
    public static TransportClient Connect(SystemKernel kernel, TransportEndpoint endpoint, string instance, string interfaceName, int badge = 0, int bufferSize = DefaultBufferSize)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(endpoint);
        var region = kernel.CreateSharedRegion($"{instance}.{interfaceName}->{endpoint.Path}", bufferSize);
        var readiness = new Notification(instance, interfaceName);
        endpoint.AddClient(readiness);
        return new TransportClient(instance, interfaceName, endpoint, region.Memory, badge, readiness);
    }
}
