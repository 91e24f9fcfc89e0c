using UxRt.Camkes.Adl;

namespace UxRt.Camkes.Compiler.Emit.Views;

/// <summary>What the system bootstrap template needs to know.</summary>
internal sealed record SystemView
{
    public string Namespace { get; init; } = string.Empty;

    public string SourceFile { get; init; } = string.Empty;

    public string SystemName { get; init; } = string.Empty;

    public string ClassName { get; init; } = string.Empty;

    public EquatableArray<InstanceView> Instances { get; init; } = EquatableArray<InstanceView>.Empty;

    /// <summary>The nodes instances are placed on (<c>node</c> settings), as C# string literals in declaration order.</summary>
    public EquatableArray<string> Nodes { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Instances sit on more than one node, so the bootstrap builds only the part of the node it runs (the guards on <c>node</c>, under which each connection's <see cref="WiringView.Wiring"/> is indented).</summary>
    public bool ManyNodes { get; init; }

    /// <summary>The wiring of each connection, already rendered by its connector's template, with where it may be wired.</summary>
    public EquatableArray<WiringView> Connections { get; init; } = EquatableArray<WiringView>.Empty;

    /// <summary>The compilation references UxRt.Camkes.Remote: <c>Create</c> takes a <c>RemoteNode</c> and <c>RunNodeAsync</c> hosts one node.</summary>
    public bool RemoteNodes { get; init; }
}

/// <summary>One connection's wiring and the nodes its ends are on.</summary>
internal sealed record WiringView
{
    public string Wiring { get; init; } = string.Empty;

    /// <summary>The C# condition on <c>node</c> under which the connection is wired in this process.</summary>
    public string Condition { get; init; } = string.Empty;

    /// <summary>Across nodes: its name and its ends' nodes as C# string literals, for the log line that says it is left unwired.</summary>
    public bool CrossesNodes { get; init; }

    public string NameLiteral { get; init; } = string.Empty;

    public string NodesLiteral { get; init; } = string.Empty;

    /// <summary>Across nodes, with UxRt.Camkes.Remote: the wiring of this node's ends through the <c>RemoteNode</c>, or empty when the connector cannot cross.</summary>
    public string RemoteWiring { get; init; } = string.Empty;

    /// <summary>Across nodes: why the connection is left unwired when it is, for the log line.</summary>
    public string UnwiredReason { get; init; } = string.Empty;

    /// <summary>The wiring, so that a user's system.hbs written when connections were plain strings (<c>{{this}}</c>) still renders it.</summary>
    public override string ToString() => Wiring;
}

internal sealed record InstanceView
{
    public string Name { get; init; } = string.Empty;

    public string Variable { get; init; } = string.Empty;

    public string ClassName { get; init; } = string.Empty;

    /// <summary>The <c>#line</c> that maps the line creating the instance onto its declaration in the spec.</summary>
    public string LineDirective { get; init; } = string.Empty;

    public string HasControl { get; init; } = "false";

    /// <summary>The attributes this instance's configuration sets, as assignments to the component's properties (e.g. <c>Greeting = "hi"</c>).</summary>
    public EquatableArray<string> AttributeAssignments { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The third argument of <c>AddInstance</c>: <c>hasControl: …</c>, or an options object when settings apply.</summary>
    public string Options { get; init; } = string.Empty;

    /// <summary>The node the instance is placed on, as a C# string literal.</summary>
    public string NodeLiteral { get; init; } = string.Empty;

    /// <summary>The kernel objects of its <c>has</c> items, which the system creates and connects once every instance exists.</summary>
    public EquatableArray<KernelObjectView> KernelObjects { get; init; } = EquatableArray<KernelObjectView>.Empty;

    /// <summary>The variable of the instance that <c>fault_handler</c> names, which handles this one's faults; empty without one.</summary>
    public string FaultHandler { get; init; } = string.Empty;

    /// <summary>Whether anything is left to do once every instance exists (kernel objects or a fault handler).</summary>
    public bool HasSetup => KernelObjects.Count > 0 || FaultHandler.Length > 0;
}

/// <summary>
/// A <c>has mutex|semaphore|binary_semaphore</c> item of one instance: which kernel object to make
/// (exactly one of the <c>Is…</c> flags), with what, and the base class's method that takes it
/// (<c>partials/kernel-object.hbs</c> prints the statement).
/// </summary>
internal sealed record KernelObjectView
{
    public bool IsMutex { get; init; }

    public bool IsSemaphore { get; init; }

    public bool IsBinarySemaphore { get; init; }

    /// <summary>The item's name as a C# string literal (the kernel object's name).</summary>
    public string NameLiteral { get; init; } = string.Empty;

    /// <summary>The instance's name as a C# string literal (a mutex's and a binary semaphore's owner).</summary>
    public string InstanceLiteral { get; init; } = string.Empty;

    /// <summary>The local that holds the instance in <c>Create</c>.</summary>
    public string InstanceVariable { get; init; } = string.Empty;

    /// <summary>The internal method of the base class that connects it.</summary>
    public string ConnectMethod { get; init; } = string.Empty;

    /// <summary>A semaphore's initial count: <c>&lt;name&gt;_value</c>, else CAmkES's default (1 counting, 0 binary).</summary>
    public long InitialValue { get; init; }
}

/// <summary>One connection, as its connector's wiring template sees it.</summary>
internal sealed record ConnectionView
{
    public string Name { get; init; } = string.Empty;

    public string Variable { get; init; } = string.Empty;

    public string ConnectorName { get; init; } = string.Empty;

    /// <summary>The connection as written, for a comment above its wiring.</summary>
    public string Description { get; init; } = string.Empty;

    public EquatableArray<ConnectionEndView> From { get; init; } = EquatableArray<ConnectionEndView>.Empty;

    public EquatableArray<ConnectionEndView> To { get; init; } = EquatableArray<ConnectionEndView>.Empty;


    /// <summary>Notifications: <c>Coalescing</c> or <c>Counting</c>.</summary>
    public string NotificationMode { get; init; } = string.Empty;

    /// <summary>Dataports: the region size in bytes (a C# expression) and the type each end sees.</summary>
    public string RegionSize { get; init; } = string.Empty;

    public string DataportType { get; init; } = string.Empty;

    /// <summary>A notification connector whose consumer waits on its instance's global endpoint (seL4GlobalAsynch).</summary>
    public bool GlobalEndpoint { get; init; }

    /// <summary>seL4TimeServer and seL4RPCCallSignal: the client ends, in badge order, each with the notification its server signals.</summary>
    public EquatableArray<ConnectionEndView> SignalledClients { get; init; } = EquatableArray<ConnectionEndView>.Empty;

    /// <summary>seL4MessageQueue: the C# name of the dataport's struct, the type of every message.</summary>
    public string MessageType { get; init; } = string.Empty;

    /// <summary>seL4MessageQueue and seL4VirtQueues: how many messages or buffers the ring holds.</summary>
    public int QueueLength { get; init; }

    /// <summary>seL4VirtQueues: the bytes of one buffer slot, its length prefix included.</summary>
    public int SlotSize { get; init; }
}

internal sealed record ConnectionEndView
{
    public string Instance { get; init; } = string.Empty;

    public string InstanceVariable { get; init; } = string.Empty;

    public string Interface { get; init; } = string.Empty;

    /// <summary>The generated member that connects or exposes this end (e.g. <c>ConnectHello</c>, <c>ProvidedHello</c>).</summary>
    public string Member { get; init; } = string.Empty;

    public int Badge { get; init; }

    /// <summary>The glue class of this end of a procedure connection: blocking or awaitable, frame or dataport.</summary>
    public string GlueClass { get; init; } = string.Empty;

    /// <summary>A seL4RPCCallNoType server of several procedures: each one's frame type and dispatcher (GlueClass is then the switch).</summary>
    public EquatableArray<DispatcherPartView> Procedures { get; init; } = EquatableArray<DispatcherPartView>.Empty;

    /// <summary>A local variable for this end's kernel object (a notification or an endpoint).</summary>
    public string Variable { get; init; } = string.Empty;

    /// <summary>Procedure servers: the kernel method and its trailing arguments, e.g. <c>Serve</c> and <c>, new ThreadSettings(…)</c>.</summary>
    public string ServeMethod { get; init; } = string.Empty;

    public string ServeExtraArguments { get; init; } = string.Empty;

    /// <summary>Procedure clients: trailing constructor arguments of the glue, e.g. <c>, buffer: new CallBuffer(…)</c>.</summary>
    public string ConnectExtraArguments { get; init; } = string.Empty;

    /// <summary>Dataports: this end's access rights as a C# expression.</summary>
    public string Access { get; init; } = string.Empty;

    /// <summary>Notifications: the targets this emitter signals, as a C# array.</summary>
    public string Targets { get; init; } = string.Empty;

    /// <summary>seL4TimeServer's server end: the member that takes its clients' signals.</summary>
    public string SignalsMember { get; init; } = string.Empty;

    /// <summary>seL4VirtQueues: whether this end is the driver (<c>uses VirtQueueDrv</c>) rather than the device.</summary>
    public bool IsDriver { get; init; }

    /// <summary>seL4VirtQueues: the instance at the other end, whose global endpoint this end's <c>Notify</c> signals.</summary>
    public string Peer { get; init; } = string.Empty;

    /// <summary>seL4NotificationBind consumers: <c>, boundTo: "iface"</c>, the provided interface whose interface thread runs the callbacks.</summary>
    public string BindArgument { get; init; } = string.Empty;

    /// <summary>Transport servers: the path as a C# literal, and the member that hands the server its endpoint.</summary>
    public string Path { get; init; } = string.Empty;

    public string EndpointMember { get; init; } = string.Empty;

    /// <summary>Across nodes: the node this end runs on, as a C# string literal.</summary>
    public string NodeLiteral { get; init; } = string.Empty;

    /// <summary>Across nodes, on a served end: the ends on other nodes it accepts, as <c>RemoteCaller</c> arguments.</summary>
    public string RemoteCallers { get; init; } = string.Empty;

    /// <summary>Transport clients: the shared buffer's size in bytes.</summary>
    public string BufferSize { get; init; } = string.Empty;
}

/// <summary>
/// A connection of a user-defined procedure connector, as its templates see it
/// (<c>connectors/&lt;Connector&gt;/from.hbs</c> and <c>to.hbs</c> under <c>CamkesTemplatePath</c>).
/// <c>to.hbs</c> declares <see cref="ToClass"/> with a constructor taking the server's implementation
/// of <c>Procedure.InterfaceName</c>; <c>from.hbs</c> declares <see cref="FromClass"/>, which implements
/// that interface and has a constructor <c>(ToClass to, int badge)</c>. One of each per connection;
/// every client end gets its own <see cref="FromClass"/>.
/// </summary>
internal sealed record UserConnectionView
{
    public string Namespace { get; init; } = string.Empty;

    public string SourceFile { get; init; } = string.Empty;

    public string ConnectionName { get; init; } = string.Empty;

    public string ConnectorName { get; init; } = string.Empty;

    public string Description { get; init; } = string.Empty;

    /// <summary>The procedure the connection carries: its interface, methods and parameters.</summary>
    public ProcedureView Procedure { get; init; } = new();

    public string FromClass { get; init; } = string.Empty;

    public string ToClass { get; init; } = string.Empty;

    /// <summary>The local variable holding the connection's <see cref="ToClass"/> in the system's <c>Create()</c>.</summary>
    public string Variable { get; init; } = string.Empty;

    public EquatableArray<ConnectionEndView> From { get; init; } = EquatableArray<ConnectionEndView>.Empty;

    public EquatableArray<ConnectionEndView> To { get; init; } = EquatableArray<ConnectionEndView>.Empty;
}

/// <summary>One procedure of a server that serves several (seL4RPCCallNoType): its frame type and its dispatcher over the adapter.</summary>
internal sealed record DispatcherPartView
{
    public string FrameName { get; init; } = string.Empty;

    public string GlueClass { get; init; } = string.Empty;

    public string Member { get; init; } = string.Empty;
}
