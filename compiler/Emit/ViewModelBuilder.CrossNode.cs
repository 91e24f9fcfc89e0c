using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl;
using UxRt.Camkes.Adl.Checking;
using UxRt.Camkes.Adl.Connectors;
using UxRt.Camkes.Adl.Model;
using UxRt.Camkes.Adl.Syntax;
using UxRt.Camkes.Compiler.Emit.Views;

namespace UxRt.Camkes.Compiler.Emit;

/// <summary>
/// Connections across nodes, for a system whose nodes run as separate processes (UxRt.Camkes.Remote):
/// what each node serves, exports, imports and connects.
/// </summary>
internal sealed partial class ViewModelBuilder
{
    private const string Remote = "global::UxRt.Camkes.Remote";

    /// <summary>
    /// An RPC connection (one <c>to</c> end) across nodes. Every end uses the RPC-over-dataport glue,
    /// so the arguments travel as the message that glue marshals; the server's node serves the
    /// endpoint as it would locally and exports it to the clients on other nodes, which import it.
    /// </summary>
    public CrossNodeConnectionView CrossNodeRpc(ConnectionModel connection, IReadOnlyDictionary<string, string> nodes)
    {
        var procedure = ProcedureOf(connection);
        var pascal = CSharpNames.Pascal(procedure ?? connection.Name);
        var to = connection.Ends.Single(e => e.Role == ConnectorEndRole.To);
        var serverNode = NodeOf(nodes, to.Instance);
        var glue = _index.Catalog.Find(ConnectorCatalog.RemoteCallGlue)!;
        var server = Server(to, glue, pascal, ServerThreads(connection));
        server = server with { NodeLiteral = CSharpNames.Literal(serverNode) };

        var froms = connection.Ends.Where(e => e.Role == ConnectorEndRole.From).ToList();
        var clients = froms
            .Zip(RpcClients(froms, pascal, glue), (e, view) => (Node: NodeOf(nodes, e.Instance), View: view))
            .ToList();
        server = server with { RemoteCallers = RemoteCallers(clients.Where(c => c.Node != serverNode)) };

        var methods = FindProcedure(procedure)?.Methods.Select(m => CSharpNames.Literal(m.Name)) ?? Enumerable.Empty<string>();
        var methodNames = "new[] { " + string.Join(", ", methods) + " }";
        var variable = CSharpNames.Camel(connection.Name + "_endpoint");
        return new CrossNodeConnectionView
        {
            Name = connection.Name,
            Description = Describe(connection),
            Nodes = new[] { serverNode }.Concat(clients.Select(c => c.Node)).Distinct(global::System.StringComparer.Ordinal)
                .Select(node => new NodeWiringView
                {
                    ConnectionName = connection.Name,
                    NodeLiteral = CSharpNames.Literal(node),
                    Variable = variable,
                    Server = server,
                    MethodNames = methodNames,
                    ServesHere = node == serverNode,
                    Clients = clients.Where(c => c.Node == node).Select(c => c.View).ToEquatableArray(),
                })
                .ToEquatableArray(),
        };
    }

    /// <summary>
    /// A notification connection across nodes: each consumer's node creates its notification and
    /// exports it to the emitters elsewhere; an emitter's node imports the consumers it does not hold,
    /// so every emitter signals every consumer as in one process.
    /// </summary>
    public CrossNodeConnectionView CrossNodeNotification(ConnectionModel connection, ConnectorEntry entry, IReadOnlyDictionary<string, string> nodes)
    {
        var consumers = connection.Ends
            .Where(e => e.Role == ConnectorEndRole.To)
            .Select(e => (Node: NodeOf(nodes, e.Instance), View: KernelEnd(e, connection, entry)))
            .ToList();
        var allTargets = TargetArray(consumers.Select(t => t.View));
        var emitters = connection.Ends
            .Where(e => e.Role == ConnectorEndRole.From)
            .Select((e, i) => (Node: NodeOf(nodes, e.Instance), View: Emitter(e, i, allTargets)))
            .ToList();
        var targets = consumers
            .Select(t => (t.Node, View: t.View with { NodeLiteral = CSharpNames.Literal(t.Node), RemoteCallers = RemoteCallers(emitters.Where(e => e.Node != t.Node)) }))
            .ToList();

        var mode = ConnectorFamilies.NotificationMode(entry);
        return new CrossNodeConnectionView
        {
            Name = connection.Name,
            Description = Describe(connection),
            Nodes = NodesOf(connection, nodes)
                .Select(node => new NodeWiringView
                {
                    ConnectionName = connection.Name,
                    NodeLiteral = CSharpNames.Literal(node),
                    NotificationMode = mode,
                    Targets = targets.Where(t => t.Node == node).Select(t => t.View).ToEquatableArray(),
                    Emitters = emitters.Where(e => e.Node == node).Select(e => e.View).ToEquatableArray(),
                    Imports = emitters.Any(e => e.Node == node) ? targets.Where(t => t.Node != node).Select(t => t.View).ToEquatableArray() : EquatableArray<ConnectionEndView>.Empty,
                })
                .ToEquatableArray(),
        };
    }

    private static string RemoteCallers(IEnumerable<(string Node, ConnectionEndView View)> ends) =>
        string.Join(", ", ends.Select(e => $"new {Remote}.Glue.RemoteCaller({CSharpNames.Literal(e.Node)}, {Number(e.View.Badge)})"));

    /// <summary>The distinct nodes that <paramref name="connection"/>'s ends run on, in the order of its ends.</summary>
    public static List<string> NodesOf(ConnectionModel connection, IReadOnlyDictionary<string, string> nodes) =>
        connection.Ends.Select(e => NodeOf(nodes, e.Instance)).Distinct(global::System.StringComparer.Ordinal).ToList();

    private static string NodeOf(IReadOnlyDictionary<string, string> nodes, string instance) =>
        nodes.TryGetValue(instance, out var node) ? node : PlacementRule.DefaultNode;
}
