using UxRt.Camkes.Runtime.Dataports;
using UxRt.Camkes.Runtime.Diagnostics;
using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Notifications;

namespace UxRt.Camkes.Runtime.Transport;

/// <summary>
/// The server end of a transport path: the kernel endpoint that carries its calls, the rights it
/// grants, and the readiness notifications of its clients, which the server signals for their
/// <see cref="PollSet"/>s.
/// </summary>
public sealed class TransportEndpoint
{
    private readonly List<Notification> _readiness = new();
    private readonly InterfaceTags _tags;
    private Notification[] _readinessSnapshot = Array.Empty<Notification>();

    internal TransportEndpoint(string instance, string interfaceName, string path, DataportAccess access)
    {
        Instance = instance;
        Interface = interfaceName;
        Path = path;
        Access = access;
        _tags = new InterfaceTags(instance, interfaceName);
    }

    /// <summary>Where its work is counted: its kernel's meter.</summary>
    internal KernelMeters Meters { get; set; } = KernelMeters.Process;

    public string Instance { get; }

    public string Interface { get; }

    /// <summary>The path clients open (<c>&lt;iface&gt;_path</c>).</summary>
    public string Path { get; }

    /// <summary>What clients may do: read, write or both (<c>&lt;iface&gt;_access</c>).</summary>
    public DataportAccess Access { get; }

    internal Endpoint Rpc { get; set; } = null!;

    /// <summary>
    /// Tells every client that the path is ready (<see cref="PollEvents"/> bits): their poll sets
    /// wake. Never blocks; signals before the next wait coalesce.
    /// </summary>
    public void SignalReady(int events = PollEvents.In)
    {
        foreach (var readiness in Volatile.Read(ref _readinessSnapshot))
        {
            readiness.Signal(events);
        }
    }

    internal void AddClient(Notification readiness)
    {
        lock (_readiness)
        {
            _readiness.Add(readiness);
            Volatile.Write(ref _readinessSnapshot, _readiness.ToArray());
        }
    }

    /// <summary>Why this call may not be served, or 0: the endpoint enforces its own rights.</summary>
    internal long Refuse(TransportFrame call)
    {
        var needed = call.Method == TransportFrame.WriteMethod ? DataportAccess.Write : DataportAccess.Read;
        return (Access & needed) == 0 ? TransportStatus.BadDescriptor : 0;
    }

    /// <summary>A handler's result, checked: a server that claims more bytes than were asked for is treated as faulty.</summary>
    internal long Checked(TransportFrame call, long status)
    {
        if (status > call.Length)
        {
            call.ServerFault = new ComponentFaultException(Instance, Interface, TransportFrame.MethodName(call.Method), $"returned {status} for a {call.Length}-byte request");
            return TransportStatus.IOError;
        }

        return status;
    }

    /// <summary>A handler's exception, as the status the client gets; the fault itself is kept for the client to read.</summary>
    internal long Faulted(TransportFrame call, Exception exception)
    {
        if (Meters.CallFaultCount.Enabled)
        {
            Meters.CallFaultCount.Add(1, _tags.Instance, _tags.Interface);
        }

        call.ServerFault = new ComponentFaultException(Instance, Interface, TransportFrame.MethodName(call.Method), exception);
        return TransportStatus.IOError;
    }
}
