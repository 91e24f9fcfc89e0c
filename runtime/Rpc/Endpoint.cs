using System.ComponentModel;
using System.Diagnostics;
using UxRt.Camkes.Runtime.Diagnostics;
using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Rpc;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Glue;

/// <summary>
/// The server side of one provided interface (seL4's endpoint): a client calls with a filled
/// frame and gets it back once the handler has written the results into it. A native client
/// blocks in <see cref="Call"/>; a unicore client awaits <see cref="CallAsync"/>, which never holds
/// its CPU. Subclasses decide where the handler runs: the interface's own thread, the caller's
/// thread (passive, seL4DirectCall) or, for a unicore server, its virtual CPU.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class Endpoint
{
    private static readonly AsyncLocal<int> AsyncSenderBadge = new();

    private readonly IProcedureDispatcher _names;
    private readonly InterfaceTags _tags;
    private readonly string _spanName;

    protected Endpoint(string instance, string interfaceName, IProcedureDispatcher dispatcher)
    {
        Instance = instance;
        Interface = interfaceName;
        _names = dispatcher;
        _tags = new InterfaceTags(instance, interfaceName);
        _spanName = instance + "." + interfaceName;
    }

    /// <summary>The serving instance.</summary>
    public string Instance { get; }

    /// <summary>The serving interface.</summary>
    public string Interface { get; }

    /// <summary>Sends <paramref name="frame"/> to the handler and blocks until it has replied.</summary>
    /// <exception cref="ComponentFaultException">The handler threw, or the endpoint is closed.</exception>
    /// <exception cref="BlockingOnVirtualCpuException">Called on a virtual CPU, which must await <see cref="CallAsync"/> instead.</exception>
    public void Call(CallFrame frame)
    {
        if (VirtualCpu.Current is { } cpu)
        {
            throw new BlockingOnVirtualCpuException(cpu.Name, $"the blocking call to {Instance}.{Interface}", "await the call's Async form (the uses ends of a unicore component are awaitable)");
        }

        frame.Fault = null;
        using (var span = KernelTelemetry.Calls.HasListeners() ? StartSpan(frame) : null)
        {
            if (!Deliver(frame, awaited: false))
            {
                frame.Reply.WaitBlocking();
            }

            span?.SetStatus(frame.Fault is null ? ActivityStatusCode.Ok : ActivityStatusCode.Error);
        }

        if (frame.Fault is { } fault)
        {
            throw fault;
        }
    }

    /// <summary>
    /// Sends <paramref name="frame"/> to the handler without blocking: the returned task completes
    /// when the handler has replied, and an awaiting lightweight thread resumes on its own CPU.
    /// The frame must not be reused until the task has completed.
    /// </summary>
    /// <exception cref="ComponentFaultException">Thrown by the task: the handler threw, or the endpoint is closed.</exception>
    public ValueTask CallAsync(CallFrame frame)
    {
        frame.Fault = null;
        if (Deliver(frame, awaited: true))
        {
            return frame.Fault is { } fault ? ValueTask.FromException(fault) : default;
        }

        return frame.Reply.AsValueTask();
    }

    /// <summary>Whether calls are served by interface threads of the endpoint's own, which a notification can be bound to (seL4NotificationBind).</summary>
    public virtual bool HasInterfaceThread => false;

    /// <summary>Stops accepting calls. Calls already accepted are still answered.</summary>
    public abstract void Close();

    /// <summary>Queues a bound notification's signal among the calls, for an interface thread to deliver between two of them; dropped once closed.</summary>
    internal virtual void PostSignal(BoundSignal signal) =>
        throw new InvalidOperationException($"{Instance}.{Interface} has no interface thread to deliver notifications on");

    /// <summary>
    /// Delivers the frame to the handler. Returns true when it was answered on this thread already
    /// (results or <see cref="CallFrame.Fault"/> are in the frame); false when the reply will come
    /// through the frame's reply, prepared with <paramref name="awaited"/> before handing the frame on.
    /// </summary>
    protected abstract bool Deliver(CallFrame frame, bool awaited);

    /// <summary>
    /// Hands the frame to the thread pool for an awaiting caller on a virtual CPU, which must not
    /// lend its thread to a native server's handler; <see cref="HandleCarried"/> runs it there.
    /// Returns false, as <see cref="Deliver"/> does for a reply still to come.
    /// </summary>
    protected bool HandOffToThreadPool(CallFrame frame)
    {
        frame.Reply.PrepareAwaited();
        frame.Reply.CarryTo(this);
        ThreadPool.UnsafeQueueUserWorkItem(frame.Reply, preferLocal: false);
        return false;
    }

    /// <summary>Runs a frame that was handed on as a work item (to a CPU or the thread pool) and replies.</summary>
    internal abstract void HandleCarried(CallFrame frame);

    /// <summary>Runs a synchronous handler for one call with the caller's badge as the sender id; its exception becomes the frame's fault.</summary>
    protected void Handle(ICallDispatcher dispatcher, CallFrame frame)
    {
        var previousSender = CallContext.Enter(frame.Badge);
        try
        {
            dispatcher.Dispatch(frame);
        }
        catch (Exception exception)
        {
            frame.Fault = Faulted(frame, exception);
        }
        finally
        {
            CallContext.Exit(previousSender);
            CountCall();
        }
    }

    /// <summary>Like <see cref="Handle"/> for a handler that may await; the sender id flows with it across awaits.</summary>
    protected async ValueTask HandleAsync(IAsyncCallDispatcher dispatcher, CallFrame frame)
    {
        // Set inside this async method, so it is undone for the caller when the method returns.
        AsyncSenderBadge.Value = frame.Badge;
        try
        {
            await dispatcher.DispatchAsync(frame);
        }
        catch (Exception exception)
        {
            frame.Fault = Faulted(frame, exception);
        }
        finally
        {
            CountCall();
        }
    }

    /// <summary>The fault a call receives when the endpoint no longer accepts calls.</summary>
    protected ComponentFaultException Closed(CallFrame frame) =>
        new(Instance, Interface, _names.MethodName(frame.Method), "the server has stopped");

    /// <summary>The badge of the call a unicore handler is serving, wherever it has awaited since.</summary>
    internal static int CurrentAsyncSenderBadge => AsyncSenderBadge.Value;

    private ComponentFaultException Faulted(CallFrame frame, Exception exception)
    {
        if (KernelTelemetry.CallFaultCount.Enabled)
        {
            KernelTelemetry.CallFaultCount.Add(1, _tags.Instance, _tags.Interface);
        }

        return new ComponentFaultException(Instance, Interface, _names.MethodName(frame.Method), exception);
    }

    private void CountCall()
    {
        if (KernelTelemetry.CallCount.Enabled)
        {
            KernelTelemetry.CallCount.Add(1, _tags.Instance, _tags.Interface);
        }
    }

    private Activity? StartSpan(CallFrame frame)
    {
        var span = KernelTelemetry.Calls.StartActivity(_spanName, ActivityKind.Client);
        span?.SetTag(KernelTelemetry.InstanceTag, Instance);
        span?.SetTag(KernelTelemetry.InterfaceTag, Interface);
        span?.SetTag("camkes.method", _names.MethodName(frame.Method));
        span?.SetTag("camkes.badge", frame.Badge);
        return span;
    }
}
