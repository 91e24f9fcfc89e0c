using UxRt.Camkes.Adl.Model;
using UxRt.Camkes.Adl.Syntax;

namespace UxRt.Camkes.Cli.Graph;

/// <summary>One box in the picture: an instance, its component type and what kind of component it is.</summary>
internal sealed record GraphNode(string Id, string Instance, string ComponentType, string? Group, bool IsControl, bool IsHardware);

/// <summary>A connection with more than two ends, drawn as a small node its ends attach to.</summary>
internal sealed record GraphJunction(string Id, string Connection, string Connector);

/// <summary>
/// One arrow. A connection with one end on each side is one labelled arrow between instances;
/// a bigger one is unlabelled arrows into and out of its junction.
/// </summary>
internal sealed record GraphEdge(string From, string To, string? Connection, string? Connector, ConnectorEndKind Kind);

/// <summary>
/// The system as a graph, independent of the drawing format: instances (grouped), connections as
/// arrows (or junctions, so an N-to-M connection costs N+M arrows rather than N×M), styled by the
/// connector's kind.
/// </summary>
internal sealed class SystemGraph
{
    private SystemGraph(string name, IReadOnlyList<GraphNode> nodes, IReadOnlyList<GraphJunction> junctions, IReadOnlyList<GraphEdge> edges)
    {
        Name = name;
        Nodes = nodes;
        Junctions = junctions;
        Edges = edges;
    }

    public IReadOnlyList<GraphJunction> Junctions { get; }

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

        var junctions = new List<GraphJunction>();
        var edges = new List<GraphEdge>();
        foreach (var connection in model.Connections)
        {
            var kind = connectors.TryGetValue(connection.ConnectorName, out var connector) ? connector.From.Kind : ConnectorEndKind.Procedure;
            var froms = connection.Ends.Where(e => e.Role == ConnectorEndRole.From && ids.ContainsKey(e.Instance)).Select(e => ids[e.Instance]).ToList();
            var tos = connection.Ends.Where(e => e.Role == ConnectorEndRole.To && ids.ContainsKey(e.Instance)).Select(e => ids[e.Instance]).ToList();
            if (froms.Count == 1 && tos.Count == 1)
            {
                edges.Add(new GraphEdge(froms[0], tos[0], connection.Name, connection.ConnectorName, kind));
                continue;
            }

            var junction = new GraphJunction("j" + junctions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), connection.Name, connection.ConnectorName);
            junctions.Add(junction);
            edges.AddRange(froms.Select(from => new GraphEdge(from, junction.Id, null, null, kind)));
            edges.AddRange(tos.Select(to => new GraphEdge(junction.Id, to, null, null, kind)));
        }

        return new SystemGraph(model.Name, nodes, junctions, edges);
    }
}
