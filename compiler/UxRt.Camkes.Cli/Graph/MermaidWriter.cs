using System.Text;
using UxRt.Camkes.Adl.Syntax;

namespace UxRt.Camkes.Cli.Graph;

/// <summary>
/// Writes the graph as a Mermaid flowchart (renders in GitHub and most Markdown viewers):
/// calls as arrows, events as dotted arrows, shared memory as thick links; nodes, compounds and
/// groups as nested subgraphs; a legend.
/// </summary>
internal static class MermaidWriter
{
    public static string Write(SystemGraph graph)
    {
        var text = new StringBuilder();
        text.AppendLine("flowchart LR");
        var clusterIds = new Dictionary<string, string>(StringComparer.Ordinal);
        WriteClustered(text, graph.Nodes, clusterIds, depth: 0, indent: "    ");

        foreach (var junction in graph.Junctions)
        {
            text.AppendLine($"    {junction.Id}{{{{\"{Escape(junction.Connection)}: {Escape(junction.Connector)}\"}}}}");
        }

        foreach (var edge in graph.Edges)
        {
            var arrow = edge.Kind switch
            {
                ConnectorEndKind.Event => "-.->",
                ConnectorEndKind.Dataport => "<==>",
                _ => "-->",
            };
            text.AppendLine(edge.Connection is null
                ? $"    {edge.From} {arrow} {edge.To}"
                : $"    {edge.From} {arrow}|\"{Escape(edge.Connection)}: {Escape(edge.Connector!)}\"| {edge.To}");
        }

        // What each line style means.
        text.AppendLine("    subgraph legend[\"legend\"]");
        text.AppendLine("        legend_call_from[ ] -->|call| legend_call_to[ ]");
        text.AppendLine("        legend_event_from[ ] -.->|event| legend_event_to[ ]");
        text.AppendLine("        legend_memory_from[ ] <==>|shared memory| legend_memory_to[ ]");
        text.AppendLine("    end");
        return text.ToString();
    }

    // Nodes, compounds and groups as nested subgraphs, as the DOT writer draws them.
    private static void WriteClustered(StringBuilder text, IEnumerable<GraphNode> nodes, Dictionary<string, string> clusterIds, int depth, string indent)
    {
        var here = nodes.ToList();
        foreach (var cluster in here.Where(n => n.Clusters.Count > depth).GroupBy(n => n.Clusters[depth]))
        {
            var id = "c" + clusterIds.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            clusterIds[cluster.Key.Key] = id;
            text.AppendLine($"{indent}subgraph {id}[\"{Escape(cluster.Key.Label)}\"]");
            WriteClustered(text, cluster, clusterIds, depth + 1, indent + "    ");
            text.AppendLine($"{indent}end");
        }

        foreach (var node in here.Where(n => n.Clusters.Count <= depth))
        {
            text.AppendLine(indent + Node(node));
        }
    }

    private static string Node(GraphNode node)
    {
        var label = $"\"{Escape(node.Instance)}<br/><i>{Escape(node.ComponentType)}</i>\"";
        return node.IsHardware ? $"{node.Id}[/{label}/]" : node.IsControl ? $"{node.Id}[[{label}]]" : $"{node.Id}({label})";
    }

    private static string Escape(string text) => text.Replace("\"", "#quot;", StringComparison.Ordinal);
}
