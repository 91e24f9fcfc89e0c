using System.Text;
using UxRt.Camkes.Adl.Syntax;

namespace UxRt.Camkes.Cli.Graph;

/// <summary>
/// Writes the graph in Graphviz DOT: nodes (processes), compounds and groups as nested clusters,
/// control components bold, hardware as component shapes; calls solid, events dashed, shared
/// memory dotted and two-headed, with a legend of the kinds of connection drawn.
/// </summary>
internal static class DotWriter
{
    public static string Write(SystemGraph graph)
    {
        var text = new StringBuilder();
        text.AppendLine($"digraph {Quote(graph.Name)} {{");
        text.AppendLine("    rankdir=LR;");
        text.AppendLine("    graph [fontname=\"Helvetica\"];");
        text.AppendLine("    node [shape=box, style=rounded, fontname=\"Helvetica\"];");
        text.AppendLine("    edge [fontname=\"Helvetica\", fontsize=10];");

        graph.VisitNested(
            (cluster, depth) =>
            {
                text.AppendLine($"{Indent(depth)}subgraph {Quote("cluster_" + cluster.Key)} {{");
                text.AppendLine($"{Indent(depth + 1)}label={Quote(cluster.Label)};");
                text.AppendLine($"{Indent(depth + 1)}style={ClusterStyle(cluster.Kind)};");
            },
            (node, depth) => text.AppendLine(Indent(depth) + Node(node)),
            depth => text.AppendLine(Indent(depth) + "}"));

        foreach (var junction in graph.Junctions)
        {
            text.AppendLine($"    {junction.Id} [shape=point, width=0.12, xlabel={Quote(junction.Connection + "\n" + junction.Connector)}];");
        }

        foreach (var edge in graph.Edges)
        {
            var label = edge.Connection is null ? string.Empty : $"label={Quote(edge.Connection + "\n" + edge.Connector)}, ";
            text.AppendLine($"    {edge.From} -> {edge.To} [{label}{Style(edge.Kind)}];");
        }

        WriteLegend(graph, text);
        text.AppendLine("}");
        return text.ToString();
    }

    // Inside the digraph's braces, four spaces a level.
    private static string Indent(int depth) => new(' ', 4 * (depth + 1));

    private static string ClusterStyle(ClusterKind kind) => kind switch
    {
        ClusterKind.Node => "bold",
        ClusterKind.Compound => "rounded",
        _ => "dashed",
    };

    // What each line style means, drawn beside the system: one row per kind of connection it has.
    private static void WriteLegend(SystemGraph graph, StringBuilder text)
    {
        var kinds = graph.LegendRows;
        if (kinds.Count == 0)
        {
            return;
        }

        text.AppendLine("    subgraph cluster_legend {");
        text.AppendLine("        label=\"legend\";");
        text.AppendLine("        style=solid;");
        text.AppendLine("        node [shape=plaintext, style=\"\", fontsize=10];");
        for (var i = 0; i < kinds.Count; i++)
        {
            text.AppendLine($"        legend_{i}_from [label=\"\"];");
            text.AppendLine($"        legend_{i}_to [label={Quote(kinds[i].Label)}];");
            text.AppendLine($"        legend_{i}_from -> legend_{i}_to [{Style(kinds[i].Kind)}];");
        }

        text.AppendLine("    }");
    }

    private static string Node(GraphNode node)
    {
        var attributes = new List<string> { "label=" + Quote(node.Instance + "\n" + node.ComponentType) };
        if (node.IsHardware)
        {
            attributes.Add("shape=component");
        }

        if (node.IsControl)
        {
            attributes.Add("penwidth=2");
        }

        return $"{node.Id} [{string.Join(", ", attributes)}];";
    }

    private static string Style(ConnectorEndKind kind) => kind switch
    {
        ConnectorEndKind.Event => "style=dashed, arrowhead=vee",
        ConnectorEndKind.Dataport => "style=dotted, dir=both, arrowhead=box, arrowtail=box",
        _ => "style=solid",
    };

    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
