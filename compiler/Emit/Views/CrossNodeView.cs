using UxRt.Camkes.Adl;

namespace UxRt.Camkes.Compiler.Emit.Views;

/// <summary>
/// A connection whose ends sit on different nodes, as its cross-node wiring template sees it
/// (<c>connectors/seL4RPCCall/remote-wiring.hbs</c> or <c>connectors/seL4Notification/remote-wiring.hbs</c>):
/// what each node that holds one of its ends does when it runs as a process of its own.
/// </summary>
internal sealed record CrossNodeConnectionView
{
    public string Name { get; init; } = string.Empty;

    /// <summary>The connection as written, for a comment above its wiring.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Every node that holds an end, the server's (RPC) first, then in the order the ends are written.</summary>
    public EquatableArray<NodeWiringView> Nodes { get; init; } = EquatableArray<NodeWiringView>.Empty;
}

/// <summary>What one node of a cross-node connection wires (with what every node needs of the connection, so the template stays flat).</summary>
internal sealed record NodeWiringView
{
    public string ConnectionName { get; init; } = string.Empty;

    /// <summary>RPC: the endpoint's local variable.</summary>
    public string Variable { get; init; } = string.Empty;

    /// <summary>RPC: the server end, with its node.</summary>
    public ConnectionEndView Server { get; init; } = new();

    /// <summary>RPC: the procedure's method names as a C# array, for the faults a client reports.</summary>
    public string MethodNames { get; init; } = string.Empty;

    /// <summary>Notifications: <c>Coalescing</c> or <c>Counting</c>.</summary>
    public string NotificationMode { get; init; } = string.Empty;

    /// <summary>The node, as a C# string literal.</summary>
    public string NodeLiteral { get; init; } = string.Empty;

    /// <summary>RPC: the server end is on this node, so it serves the endpoint and exports it; otherwise it imports it.</summary>
    public bool ServesHere { get; init; }

    /// <summary>RPC: the clients on this node.</summary>
    public EquatableArray<ConnectionEndView> Clients { get; init; } = EquatableArray<ConnectionEndView>.Empty;

    /// <summary>Notifications: the consumers on this node, each with the emitters elsewhere that may signal it.</summary>
    public EquatableArray<ConnectionEndView> Targets { get; init; } = EquatableArray<ConnectionEndView>.Empty;

    /// <summary>Notifications: the consumers on other nodes that the emitters on this node signal.</summary>
    public EquatableArray<ConnectionEndView> Imports { get; init; } = EquatableArray<ConnectionEndView>.Empty;

    /// <summary>Notifications: the emitters on this node.</summary>
    public EquatableArray<ConnectionEndView> Emitters { get; init; } = EquatableArray<ConnectionEndView>.Empty;
}
