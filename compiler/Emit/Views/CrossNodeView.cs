using System.Collections.Generic;

namespace UxRt.Camkes.Compiler.Emit.Views;

/// <summary>
/// A connection whose ends sit on different nodes, as its cross-node wiring template sees it
/// (<c>connectors/seL4RPCCall/remote-wiring.hbs</c> or <c>connectors/seL4Notification/remote-wiring.hbs</c>):
/// what each node that holds one of its ends does when it runs as a process of its own.
/// </summary>
internal sealed class CrossNodeConnectionView
{
    public string Name { get; set; } = string.Empty;

    /// <summary>The connection as written, for a comment above its wiring.</summary>
    public string Description { get; set; } = string.Empty;

    /// <summary>Every node that holds an end, the server's (RPC) first, then in the order the ends are written.</summary>
    public List<NodeWiringView> Nodes { get; set; } = new();
}

/// <summary>What one node of a cross-node connection wires (with what every node needs of the connection, so the template stays flat).</summary>
internal sealed class NodeWiringView
{
    public string ConnectionName { get; set; } = string.Empty;

    /// <summary>RPC: the endpoint's local variable.</summary>
    public string Variable { get; set; } = string.Empty;

    /// <summary>RPC: the server end, with its node.</summary>
    public ConnectionEndView Server { get; set; } = new();

    /// <summary>RPC: the procedure's method names as a C# array, for the faults a client reports.</summary>
    public string MethodNames { get; set; } = string.Empty;

    /// <summary>Notifications: <c>Coalescing</c> or <c>Counting</c>.</summary>
    public string NotificationMode { get; set; } = string.Empty;

    /// <summary>The node, as a C# string literal.</summary>
    public string NodeLiteral { get; set; } = string.Empty;

    /// <summary>RPC: the server end is on this node, so it serves the endpoint and exports it; otherwise it imports it.</summary>
    public bool ServesHere { get; set; }

    /// <summary>RPC: the clients on this node.</summary>
    public List<ConnectionEndView> Clients { get; set; } = new();

    /// <summary>Notifications: the consumers on this node, each with the emitters elsewhere that may signal it.</summary>
    public List<ConnectionEndView> Targets { get; set; } = new();

    /// <summary>Notifications: the consumers on other nodes that the emitters on this node signal.</summary>
    public List<ConnectionEndView> Imports { get; set; } = new();

    /// <summary>Notifications: the emitters on this node.</summary>
    public List<ConnectionEndView> Emitters { get; set; } = new();
}
