using UxRt.Camkes.Runtime.Faults;

namespace UxRt.Camkes.Runtime.Rpc;

/// <summary>
/// The thread that serves one provided interface: receive a call, dispatch it, reply, repeat.
/// A handler's exception is sent back to that caller as a fault; the thread keeps serving.
/// </summary>
internal sealed class InterfaceThread
{
    private readonly Endpoint _endpoint;
    private readonly ICallDispatcher _dispatcher;
    private readonly Thread _thread;

    public InterfaceThread(Endpoint endpoint)
    {
        _endpoint = endpoint;
        _dispatcher = endpoint.Dispatcher;
        _thread = new Thread(Serve)
        {
            IsBackground = true,
            Name = $"{endpoint.Instance}.{endpoint.Interface}",
        };
    }

    public Thread Thread => _thread;

    public void Start() => _thread.Start();

    private void Serve()
    {
        while (_endpoint.Receive() is { } frame)
        {
            try
            {
                _dispatcher.Dispatch(frame);
            }
            catch (Exception exception)
            {
                frame.Fault = new ComponentFaultException(_endpoint.Instance, _endpoint.Interface, _dispatcher.MethodName(frame.Method), exception);
            }

            Endpoint.Reply(frame);
        }
    }
}
