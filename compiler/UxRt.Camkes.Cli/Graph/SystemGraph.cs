using UxRt.Camkes.Adl.Connectors;
using UxRt.Camkes.Adl.Model;
using UxRt.Camkes.Adl.Syntax;

namespace UxRt.Camkes.Cli.Graph;

/// <summary>
/// One box in the picture: an instance, its component type and what kind of component it is, and
/// the boxes drawn around it, outermost first (see <see cref="GraphCluster"/>).
/// </summary>
internal sealed record GraphNode(string Id, string Instance, string ComponentType, string? Group, bool IsControl, bool IsHardware)
{
    public IReadOnlyList<GraphCluster> Clusters { get; init; } = [];
}

/// <summary>What a cluster stands for: the node (process) instances are placed on, a compound instance around its parts, or a group.</summary>
internal enum ClusterKind
{
    Node,
    Compound,
    Group,
}

/// <summary>A box around instances; <see cref="Key"/> is unique in the graph and names its place in the nesting.</summary>
internal sealed record GraphCluster(string Key, string Label, ClusterKind Kind);

/// <summary>A connection with more than two ends, drawn as a small node its ends attach to.</summary>
internal sealed record GraphJunction(string Id, string Connection, string Connector);

/// <summary>
/// One arrow. A connection with one end on each side is one labelled arrow between instances;
/// a bigger one is unlabelled arrows into and out of its junction. <see cref="Kind"/> sets the
/// line style; <see cref="Legend"/> is what the legend calls it (the catalog's <see cref="ConnectorEntry.Kind"/>).
/// </summary>
internal sealed record GraphEdge(string From, string To, string? Connection, string? Connector, ConnectorEndKind Kind, string Legend);

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

    /// <summary>
    /// Walks the instances as their clusters nest, for a writer to draw: <paramref name="enter"/> a
    /// cluster, what lies in it, <paramref name="leave"/> it; then the instances in no cluster at that
    /// level. Depth 0 is the outermost level.
    /// </summary>
    public void VisitNested(Action<GraphCluster, int> enter, Action<GraphNode, int> visit, Action<int> leave) =>
        VisitNested(Nodes, depth: 0, enter, visit, leave);

    private static void VisitNested(IReadOnlyList<GraphNode> nodes, int depth, Action<GraphCluster, int> enter, Action<GraphNode, int> visit, Action<int> leave)
    {
        foreach (var cluster in nodes.Where(n => n.Clusters.Count > depth).GroupBy(n => n.Clusters[depth]))
        {
            enter(cluster.Key, depth);
            VisitNested(cluster.ToList(), depth + 1, enter, visit, leave);
            leave(depth);
        }

        foreach (var node in nodes.Where(n => n.Clusters.Count <= depth))
        {
            visit(node, depth);
        }
    }

    /// <summary>The legend's rows: each kind of connection the graph draws, in the order first drawn.</summary>
    public IReadOnlyList<(string Label, ConnectorEndKind Kind)> LegendRows =>
        Edges.Select(e => (e.Legend, e.Kind)).Distinct().ToList();

    public static SystemGraph From(SystemModel model, ConnectorCatalog catalog)
    {
        var components = model.Components.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var connectors = model.Connectors.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var nodes = new List<GraphNode>();
        var placement = UxRt.Camkes.Adl.Checking.PlacementRule.NodesOf(model);
        var manyNodes = UxRt.Camkes.Adl.Checking.PlacementRule.NodeNames(model).Count > 1;
        var typeOf = model.Instances.ToDictionary(i => i.Name, i => i.ComponentType, StringComparer.Ordinal);
        foreach (var instance in model.Instances)
        {
            var id = "n" + nodes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            ids[instance.Name] = id;
            components.TryGetValue(instance.ComponentType, out var component);
            var clusters = ClustersOf(instance, manyNodes && placement.TryGetValue(instance.Name, out var node) ? node : null, typeOf);
            nodes.Add(new GraphNode(id, instance.Name, instance.ComponentType, instance.Group, component?.IsControl ?? false, component?.IsHardware ?? false) { Clusters = clusters });
        }

        var junctions = new List<GraphJunction>();
        var edges = new List<GraphEdge>();
        foreach (var connection in model.Connections)
        {
            var entry = catalog.Find(connection.ConnectorName);
            var kind = entry?.EndKind ?? (connectors.TryGetValue(connection.ConnectorName, out var connector) ? connector.From.Kind : ConnectorEndKind.Procedure);
            // A connector the catalog does not know is the user's own.
            var legend = entry?.Kind ?? "user connector";
            var froms = connection.Ends.Where(e => e.Role == ConnectorEndRole.From && ids.ContainsKey(e.Instance)).Select(e => ids[e.Instance]).ToList();
            var tos = connection.Ends.Where(e => e.Role == ConnectorEndRole.To && ids.ContainsKey(e.Instance)).Select(e => ids[e.Instance]).ToList();
            if (froms.Count == 1 && tos.Count == 1)
            {
                edges.Add(new GraphEdge(froms[0], tos[0], connection.Name, connection.ConnectorName, kind, legend));
                continue;
            }

            var junction = new GraphJunction("j" + junctions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), connection.Name, connection.ConnectorName);
            junctions.Add(junction);
            edges.AddRange(froms.Select(from => new GraphEdge(from, junction.Id, null, null, kind, legend)));
            edges.AddRange(tos.Select(to => new GraphEdge(junction.Id, to, null, null, kind, legend)));
        }

        return new SystemGraph(model.Name, nodes, junctions, edges);
    }

    // Outermost first: the node (only when there are several), each compound the instance's name
    // lies in ("first", then "first.sub" for "first.sub.upper"), the instance itself when it is a
    // compound with parts of its own, then its group.
    private static List<GraphCluster> ClustersOf(InstanceModel instance, string? node, IReadOnlyDictionary<string, string> typeOf)
    {
        var clusters = new List<GraphCluster>();
        var prefix = node is null ? string.Empty : "node:" + node + "/";
        if (node is not null)
        {
            clusters.Add(new GraphCluster(prefix, "node " + node, ClusterKind.Node));
        }

        var parts = instance.Name.Split('.');
        var isCompound = typeOf.Keys.Any(other => other.StartsWith(instance.Name + ".", StringComparison.Ordinal));
        for (var depth = 1; depth < parts.Length + (isCompound ? 1 : 0); depth++)
        {
            var compound = string.Join('.', parts.Take(depth));
            var label = typeOf.TryGetValue(compound, out var type) ? $"{compound}: {type}" : compound;
            clusters.Add(new GraphCluster(prefix + "compound:" + compound, label, ClusterKind.Compound));
        }

        if (instance.Group is { } group)
        {
            clusters.Add(new GraphCluster(prefix + "group:" + group, "group " + group, ClusterKind.Group));
        }

        return clusters;
    }
}
