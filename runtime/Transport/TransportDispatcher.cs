
namespace UxRt.Camkes.Runtime.Transport;

/// <summary>
/// Serves transport calls with a native component's handler, on whichever thread the kernel
/// endpoint runs it. The handler reads and writes the message in place (registers or shared
/// buffer), and its exceptions become <see cref="TransportStatus.IOError"/> instead of crossing back.
/// </summary>
internal sealed class TransportDispatcher(TransportEndpoint endpoint, ITransportHandler handler) : ICallDispatcher
{
    public string MethodName(int index) => TransportFrame.MethodName(index);

    public void Dispatch(CallFrame frame)
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
                ? handler.Read(request, call.Payload)
                : handler.Write(request, call.Payload);
            call.Status = endpoint.Checked(call, status);
        }
        catch (Exception exception)
        {
            call.Status = endpoint.Faulted(call, exception);
        }
    }
}
