using System.Diagnostics;
using UxRt.Camkes.Runtime.Diagnostics;
using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Rpc;

/// <summary>
/// The server side of one provided interface (seL4's endpoint): a client calls with a filled
/// frame and returns once the handler has written the results into it. Subclasses decide which
/// thread runs the handler: the interface's own thread, the caller's thread under a lock
/// (passive), or the caller's thread directly (seL4DirectCall).
/// </summary>
public abstract class Endpoint
{
    private readonly ICallDispatcher _dispatcher;
    private readonly VirtualCpu? _serverCpu;
    private readonly InterfaceTags _tags;
    private readonly string _spanName;

    /// <param name="serverCpu">The serving component's virtual CPU when it is unicore: its handlers run only while holding it.</param>
    protected Endpoint(string instance, string interfaceName, ICallDispatcher dispatcher, VirtualCpu? serverCpu)
    {
        Instance = instance;
        Interface = interfaceName;
        _dispatcher = dispatcher;
        _serverCpu = serverCpu;
        _tags = new InterfaceTags(instance, interfaceName);
        _spanName = instance + "." + interfaceName;
    }

    /// <summary>The serving instance.</summary>
    public string Instance { get; }

    /// <summary>The serving interface.</summary>
    public string Interface { get; }

    /// <summary>Sends <paramref name="frame"/> to the handler and returns once it has replied.</summary>
    /// <exception cref="ComponentFaultException">The handler threw, or the endpoint is closed.</exception>
    public void Call(CallFrame frame)
    {
        frame.Fault = null;
        using (var span = KernelTelemetry.Calls.HasListeners() ? StartSpan(frame) : null)
        using (VirtualCpu.Yield())
        {
            // A unicore caller gives its CPU up for the call, as the lightweight thread would yield.
            Transfer(frame);
            span?.SetStatus(frame.Fault is null ? ActivityStatusCode.Ok : ActivityStatusCode.Error);
        }

        if (KernelTelemetry.CallCount.Enabled)
        {
            KernelTelemetry.CallCount.Add(1, _tags.Instance, _tags.Interface);
        }

        if (frame.Fault is { } fault)
        {
            throw fault;
        }
    }

    /// <summary>Stops accepting calls. Calls already accepted are still answered.</summary>
    public abstract void Close();

    /// <summary>Delivers the frame to <see cref="Handle"/> on whichever thread this endpoint serves on.</summary>
    protected abstract void Transfer(CallFrame frame);

    /// <summary>Runs the handler for one call with the caller's badge as the sender id; a handler's exception becomes the frame's fault.</summary>
    protected void Handle(CallFrame frame)
    {
        using var running = _serverCpu is null ? default : _serverCpu.Enter();
        var previousSender = CallContext.Enter(frame.Badge);
        try
        {
            _dispatcher.Dispatch(frame);
        }
        catch (Exception exception)
        {
            frame.Fault = new ComponentFaultException(Instance, Interface, _dispatcher.MethodName(frame.Method), exception);
            if (KernelTelemetry.CallFaultCount.Enabled)
            {
                KernelTelemetry.CallFaultCount.Add(1, _tags.Instance, _tags.Interface);
            }
        }
        finally
        {
            CallContext.Exit(previousSender);
        }
    }

    /// <summary>The fault a call receives when the endpoint no longer accepts calls.</summary>
    protected ComponentFaultException Closed(CallFrame frame) =>
        new(Instance, Interface, _dispatcher.MethodName(frame.Method), "the server has stopped");

    private Activity? StartSpan(CallFrame frame)
    {
        var span = KernelTelemetry.Calls.StartActivity(_spanName, ActivityKind.Client);
        span?.SetTag(KernelTelemetry.InstanceTag, Instance);
        span?.SetTag(KernelTelemetry.InterfaceTag, Interface);
        span?.SetTag("camkes.method", _dispatcher.MethodName(frame.Method));
        span?.SetTag("camkes.badge", frame.Badge);
        return span;
    }
}
