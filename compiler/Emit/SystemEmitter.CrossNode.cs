using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl.Checking;
using UxRt.Camkes.Adl.Connectors;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Model;
using UxRt.Camkes.Adl.Syntax;

namespace UxRt.Camkes.Compiler.Emit;

public static partial class SystemEmitter
{
    /// <summary>
    /// Connections whose ends sit on different nodes, when the system's nodes can run as separate
    /// processes (the compilation references UxRt.Camkes.Remote): a connector the catalog says is
    /// <see cref="NodeCrossing.Carried"/> (RPC and notification) gets a second wiring through the
    /// <c>RemoteNode</c>, from its entry's remote wiring template; any other connector is reported
    /// (ADL0334) and stays unwired between processes.
    /// </summary>
    private sealed class CrossNode
    {
        private readonly bool _remoteNodes;
        private readonly IReadOnlyDictionary<string, string> _nodes;
        private readonly ConnectorEntry _remoteGlue;

        public CrossNode(SystemModel model, bool remoteNodes, ConnectorCatalog catalog)
        {
            _remoteNodes = remoteNodes;
            _remoteGlue = catalog.Find(ConnectorCatalog.RemoteCallGlue)!;
            _nodes = remoteNodes ? PlacementRule.NodesOf(model) : new Dictionary<string, string>();
        }

        /// <summary>Whether <paramref name="connection"/> joins nodes and the nodes may run as separate processes.</summary>
        public bool Crosses(ConnectionModel connection) => _remoteNodes && NodesOf(connection).Count > 1;

        /// <summary>The cross-node wiring of a connection that <see cref="Crosses"/>, or null after a warning when it cannot be carried.</summary>
        public string? Wiring(ConnectionModel connection, ConnectorEntry entry, ViewModelBuilder views, FlatTypes flatTypes, ITemplateEngine templates, DiagnosticBag diagnostics, HashSet<ProcedureGlue> procedureGlue)
        {
            if (entry.NodeCrossing != NodeCrossing.Carried || entry.RemoteWiringTemplate is not { } remoteWiring)
            {
                ReportNotCarried(connection, diagnostics, $"{entry.Name} works within one process; only RPC and notification connectors are carried between processes");
                return null;
            }

            if (entry.Family == ConnectorFamily.Notification)
            {
                return templates.Render(remoteWiring, views.CrossNodeNotification(connection, entry, _nodes)).TrimEnd();
            }

            if (!entry.CarriesProcedure
                || views.ProcedureOf(connection) is not { } procedure
                || connection.Ends.Count(e => e.Role == ConnectorEndRole.To) != 1)
            {
                ReportNotCarried(connection, diagnostics, "only RPC connections with one server and notification connections are carried between processes");
                return null;
            }

            // The message that crosses is the one the RPC-over-dataport glue marshals (no reflection).
            if (views.FindProcedure(procedure) is { } model && flatTypes.FirstUnmarshallable(model) is { } problem)
            {
                ReportNotCarried(connection, diagnostics, $"its message cannot carry {problem} (the struct holds a string or an array without a length)");
                return null;
            }

            foreach (var end in connection.Ends)
            {
                procedureGlue.Add(ProcedureGlue.Of(procedure, _remoteGlue, isClient: end.Role == ConnectorEndRole.From, isAwaitable: views.IsUnicoreInstance(end.Instance)));
            }

            return templates.Render(remoteWiring, views.CrossNodeRpc(connection, _nodes)).TrimEnd();
        }

        /// <summary>A connection of a user-defined connector: its glue is the user's, which cannot cross processes.</summary>
        public void ReportNotCarried(ConnectionModel connection, DiagnosticBag diagnostics)
        {
            if (Crosses(connection))
            {
                ReportNotCarried(connection, diagnostics, "the glue of a user-defined connector works within one process");
            }
        }

        private void ReportNotCarried(ConnectionModel connection, DiagnosticBag diagnostics, string reason) =>
            diagnostics.Report(
                DiagnosticDescriptors.ConnectionNotCarried,
                connection.Location,
                $"connection '{connection.Name}' joins nodes {string.Join(", ", NodesOf(connection).Select(n => $"'{n}'"))}, but {reason}; it is left unwired when its nodes run as separate processes");

        private List<string> NodesOf(ConnectionModel connection) => ViewModelBuilder.NodesOf(connection, _nodes);
    }
}
