using System.Runtime.CompilerServices;

namespace UxRt.Camkes.Runtime.Transport;

/// <summary>Like <see cref="TransportDispatcher"/>, for a unicore component's handler, which may await on its CPU.</summary>
internal sealed class TransportAsyncDispatcher(TransportEndpoint endpoint, ITransportAsyncHandler handler) : IAsyncCallDispatcher
{
    public string MethodName(int index) => TransportFrame.MethodName(index);

    // Pooled: a handler that awaits reuses the state machine instead of allocating one per call.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask DispatchAsync(CallFrame frame)
    {
        var call = (TransportFrame)frame;
        if (endpoint.Refuse(call) is var refused and < 0)
        {
            call.Status = refused;
            return;
        }

        try
        {
            var request = call.Request(endpoint.Path);
            var status = call.Method == TransportFrame.ReadMethod
                ? await handler.ReadAsync(request, call.PayloadMemory)
                : await handler.WriteAsync(request, call.PayloadMemory);
            call.Status = endpoint.Checked(call, status);
        }
        catch (Exception exception)
        {
            call.Status = endpoint.Faulted(call, exception);
        }
    }
}
