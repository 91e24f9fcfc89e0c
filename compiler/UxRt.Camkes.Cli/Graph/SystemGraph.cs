using UxRt.Camkes.Adl.Model;
using UxRt.Camkes.Adl.Syntax;

namespace UxRt.Camkes.Cli.Graph;

/// <summary>One box in the picture: an instance, its component type and what kind of component it is.</summary>
internal sealed record GraphNode(string Id, string Instance, string ComponentType, string? Group, bool IsControl, bool IsHardware);

/// <summary>One arrow: from a from-end's instance to a to-end's instance of one connection.</summary>
internal sealed record GraphEdge(string From, string To, string Connection, string Connector, ConnectorEndKind Kind);

/// <summary>
/// The system as a graph, independent of the drawing format: instances (grouped), and one edge
/// per from/to pair of each connection, labelled and styled by the connector's kind.
/// </summary>
internal sealed class SystemGraph
{
    private SystemGraph(string name, IReadOnlyList<GraphNode> nodes, IReadOnlyList<GraphEdge> edges)
    {
        Name = name;
        Nodes = nodes;
        Edges = edges;
    }

    public string Name { get; }

    public IReadOnlyList<GraphNode> Nodes { get; }

    public IReadOnlyList<GraphEdge> Edges { get; }

    public static SystemGraph From(SystemModel model)
    {
        var components = model.Components.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var connectors = model.Connectors.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var nodes = new List<GraphNode>();
        foreach (var instance in model.Instances)
        {
            var id = "n" + nodes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            ids[instance.Name] = id;
            components.TryGetValue(instance.ComponentType, out var component);
            nodes.Add(new GraphNode(id, instance.Name, instance.ComponentType, instance.Group, component?.IsControl ?? false, component?.IsHardware ?? false));
        }

        var edges = new List<GraphEdge>();
        foreach (var connection in model.Connections)
        {
            var kind = connectors.TryGetValue(connection.ConnectorName, out var connector) ? connector.From.Kind : ConnectorEndKind.Procedure;
            foreach (var from in connection.Ends.Where(e => e.Role == ConnectorEndRole.From))
            {
                foreach (var to in connection.Ends.Where(e => e.Role == ConnectorEndRole.To))
                {
                    if (ids.TryGetValue(from.Instance, out var fromId) && ids.TryGetValue(to.Instance, out var toId))
                    {
                        edges.Add(new GraphEdge(fromId, toId, connection.Name, connection.ConnectorName, kind));
                    }
                }
            }
        }

        return new SystemGraph(model.Name, nodes, edges);
    }
}
