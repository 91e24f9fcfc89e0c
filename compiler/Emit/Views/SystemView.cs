using System.Collections.Generic;

namespace UxRt.Camkes.Compiler.Emit.Views;

/// <summary>What the system bootstrap template needs to know.</summary>
internal sealed class SystemView
{
    public string Namespace { get; set; } = string.Empty;

    public string SourceFile { get; set; } = string.Empty;

    public string SystemName { get; set; } = string.Empty;

    public string ClassName { get; set; } = string.Empty;

    public List<InstanceView> Instances { get; set; } = new();

    /// <summary>The nodes instances are placed on (<c>node</c> settings), as C# string literals in declaration order.</summary>
    public List<string> Nodes { get; set; } = new();

    /// <summary>Instances sit on more than one node, so the bootstrap builds only the part of the node it runs (the guards on <c>node</c>, under which each connection's <see cref="WiringView.Wiring"/> is indented).</summary>
    public bool ManyNodes { get; set; }

    /// <summary>The wiring of each connection, already rendered by its connector's template, with where it may be wired.</summary>
    public List<WiringView> Connections { get; set; } = new();

    /// <summary>The compilation references UxRt.Camkes.Remote: <c>Create</c> takes a <c>RemoteNode</c> and <c>RunNodeAsync</c> hosts one node.</summary>
    public bool RemoteNodes { get; set; }
}

/// <summary>One connection's wiring and the nodes its ends are on.</summary>
internal sealed class WiringView
{
    public string Wiring { get; set; } = string.Empty;

    /// <summary>The C# condition on <c>node</c> under which the connection is wired in this process.</summary>
    public string Condition { get; set; } = string.Empty;

    /// <summary>Across nodes: its name and its ends' nodes as C# string literals, for the log line that says it is left unwired.</summary>
    public bool CrossesNodes { get; set; }

    public string NameLiteral { get; set; } = string.Empty;

    public string NodesLiteral { get; set; } = string.Empty;

    /// <summary>Across nodes, with UxRt.Camkes.Remote: the wiring of this node's ends through the <c>RemoteNode</c>, or empty when the connector cannot cross.</summary>
    public string RemoteWiring { get; set; } = string.Empty;

    /// <summary>Across nodes: why the connection is left unwired when it is, for the log line.</summary>
    public string UnwiredReason { get; set; } = string.Empty;

    /// <summary>The wiring, so that a user's system.hbs written when connections were plain strings (<c>{{this}}</c>) still renders it.</summary>
    public override string ToString() => Wiring;
}

internal sealed class InstanceView
{
    public string Name { get; set; } = string.Empty;

    public string Variable { get; set; } = string.Empty;

    public string ClassName { get; set; } = string.Empty;

    /// <summary>The <c>#line</c> that maps the line creating the instance onto its declaration in the spec.</summary>
    public string LineDirective { get; set; } = string.Empty;

    public string HasControl { get; set; } = "false";

    /// <summary>The attributes this instance's configuration sets, as assignments to the component's properties (e.g. <c>Greeting = "hi"</c>).</summary>
    public List<string> AttributeAssignments { get; set; } = new();

    /// <summary>The third argument of <c>AddInstance</c>: <c>hasControl: …</c>, or an options object when settings apply.</summary>
    public string Options { get; set; } = string.Empty;

    /// <summary>The node the instance is placed on, as a C# string literal.</summary>
    public string NodeLiteral { get; set; } = string.Empty;

    /// <summary>Statements that finish the instance once every instance exists: its <c>has</c> items and fault handler.</summary>
    public List<string> Setup { get; set; } = new();
}

/// <summary>One connection, as its connector's wiring template sees it.</summary>
internal sealed class ConnectionView
{
    public string Name { get; set; } = string.Empty;

    public string Variable { get; set; } = string.Empty;

    public string ConnectorName { get; set; } = string.Empty;

    /// <summary>The connection as written, for a comment above its wiring.</summary>
    public string Description { get; set; } = string.Empty;

    public List<ConnectionEndView> From { get; set; } = new();

    public List<ConnectionEndView> To { get; set; } = new();


    /// <summary>Notifications: <c>Coalescing</c> or <c>Counting</c>.</summary>
    public string NotificationMode { get; set; } = string.Empty;

    /// <summary>Dataports: the region size in bytes (a C# expression) and the type each end sees.</summary>
    public string RegionSize { get; set; } = string.Empty;

    public string DataportType { get; set; } = string.Empty;

    /// <summary>A notification connector whose consumer waits on its instance's global endpoint (seL4GlobalAsynch).</summary>
    public bool GlobalEndpoint { get; set; }

    /// <summary>seL4TimeServer and seL4RPCCallSignal: the client ends, in badge order, each with the notification its server signals.</summary>
    public List<ConnectionEndView> SignalledClients { get; set; } = new();

    /// <summary>seL4MessageQueue: the C# name of the dataport's struct, the type of every message.</summary>
    public string MessageType { get; set; } = string.Empty;

    /// <summary>seL4MessageQueue and seL4VirtQueues: how many messages or buffers the ring holds.</summary>
    public int QueueLength { get; set; }

    /// <summary>seL4VirtQueues: the bytes of one buffer slot, its length prefix included.</summary>
    public int SlotSize { get; set; }
}

internal sealed class ConnectionEndView
{
    public string Instance { get; set; } = string.Empty;

    public string InstanceVariable { get; set; } = string.Empty;

    public string Interface { get; set; } = string.Empty;

    /// <summary>The generated member that connects or exposes this end (e.g. <c>ConnectHello</c>, <c>ProvidedHello</c>).</summary>
    public string Member { get; set; } = string.Empty;

    public int Badge { get; set; }

    /// <summary>The glue class of this end of a procedure connection: blocking or awaitable, frame or dataport.</summary>
    public string GlueClass { get; set; } = string.Empty;

    /// <summary>A seL4RPCCallNoType server of several procedures: each one's frame type and dispatcher (GlueClass is then the switch).</summary>
    public List<DispatcherPartView> Procedures { get; set; } = new();

    /// <summary>A local variable for this end's kernel object (a notification or an endpoint).</summary>
    public string Variable { get; set; } = string.Empty;

    /// <summary>Procedure servers: the kernel method and its trailing arguments, e.g. <c>Serve</c> and <c>, new ThreadSettings(…)</c>.</summary>
    public string ServeMethod { get; set; } = string.Empty;

    public string ServeExtraArguments { get; set; } = string.Empty;

    /// <summary>Procedure clients: trailing constructor arguments of the glue, e.g. <c>, buffer: new CallBuffer(…)</c>.</summary>
    public string ConnectExtraArguments { get; set; } = string.Empty;

    /// <summary>Dataports: this end's access rights as a C# expression.</summary>
    public string Access { get; set; } = string.Empty;

    /// <summary>Notifications: the targets this emitter signals, as a C# array.</summary>
    public string Targets { get; set; } = string.Empty;

    /// <summary>seL4TimeServer's server end: the member that takes its clients' signals.</summary>
    public string SignalsMember { get; set; } = string.Empty;

    /// <summary>seL4VirtQueues: whether this end is the driver (<c>uses VirtQueueDrv</c>) rather than the device.</summary>
    public bool IsDriver { get; set; }

    /// <summary>seL4VirtQueues: the instance at the other end, whose global endpoint this end's <c>Notify</c> signals.</summary>
    public string Peer { get; set; } = string.Empty;

    /// <summary>seL4NotificationBind consumers: <c>, boundTo: "iface"</c>, the provided interface whose interface thread runs the callbacks.</summary>
    public string BindArgument { get; set; } = string.Empty;

    /// <summary>Transport servers: the path as a C# literal, and the member that hands the server its endpoint.</summary>
    public string Path { get; set; } = string.Empty;

    public string EndpointMember { get; set; } = string.Empty;

    /// <summary>Across nodes: the node this end runs on, as a C# string literal.</summary>
    public string NodeLiteral { get; set; } = string.Empty;

    /// <summary>Across nodes, on a served end: the ends on other nodes it accepts, as <c>RemoteCaller</c> arguments.</summary>
    public string RemoteCallers { get; set; } = string.Empty;

    /// <summary>Transport clients: the shared buffer's size in bytes.</summary>
    public string BufferSize { get; set; } = string.Empty;
}

/// <summary>
/// A connection of a user-defined procedure connector, as its templates see it
/// (<c>connectors/&lt;Connector&gt;/from.hbs</c> and <c>to.hbs</c> under <c>CamkesTemplatePath</c>).
/// <c>to.hbs</c> declares <see cref="ToClass"/> with a constructor taking the server's implementation
/// of <c>Procedure.InterfaceName</c>; <c>from.hbs</c> declares <see cref="FromClass"/>, which implements
/// that interface and has a constructor <c>(ToClass to, int badge)</c>. One of each per connection;
/// every client end gets its own <see cref="FromClass"/>.
/// </summary>
internal sealed class UserConnectionView
{
    public string Namespace { get; set; } = string.Empty;

    public string SourceFile { get; set; } = string.Empty;

    public string ConnectionName { get; set; } = string.Empty;

    public string ConnectorName { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    /// <summary>The procedure the connection carries: its interface, methods and parameters.</summary>
    public ProcedureView Procedure { get; set; } = new();

    public string FromClass { get; set; } = string.Empty;

    public string ToClass { get; set; } = string.Empty;

    /// <summary>The local variable holding the connection's <see cref="ToClass"/> in the system's <c>Create()</c>.</summary>
    public string Variable { get; set; } = string.Empty;

    public List<ConnectionEndView> From { get; set; } = new();

    public List<ConnectionEndView> To { get; set; } = new();
}

/// <summary>One procedure of a server that serves several (seL4RPCCallNoType): its frame type and its dispatcher over the adapter.</summary>
internal sealed class DispatcherPartView
{
    public string FrameName { get; set; } = string.Empty;

    public string GlueClass { get; set; } = string.Empty;

    public string Member { get; set; } = string.Empty;
}
