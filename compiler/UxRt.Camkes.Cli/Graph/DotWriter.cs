using System.Text;
using UxRt.Camkes.Adl.Syntax;

namespace UxRt.Camkes.Cli.Graph;

/// <summary>
/// Writes the graph in Graphviz DOT: groups as clusters, control components bold, hardware as
/// component shapes; calls solid, events dashed, shared memory dotted and two-headed.
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

        foreach (var group in graph.Nodes.Where(n => n.Group is not null).GroupBy(n => n.Group!))
        {
            text.AppendLine($"    subgraph {Quote("cluster_" + group.Key)} {{");
            text.AppendLine($"        label={Quote("group " + group.Key)};");
            text.AppendLine("        style=dashed;");
            foreach (var node in group)
            {
                text.AppendLine("        " + Node(node));
            }

            text.AppendLine("    }");
        }

        foreach (var node in graph.Nodes.Where(n => n.Group is null))
        {
            text.AppendLine("    " + Node(node));
        }

        foreach (var junction in graph.Junctions)
        {
            text.AppendLine($"    {junction.Id} [shape=point, width=0.12, xlabel={Quote(junction.Connection + "\n" + junction.Connector)}];");
        }

        foreach (var edge in graph.Edges)
        {
            var label = edge.Connection is null ? string.Empty : $"label={Quote(edge.Connection + "\n" + edge.Connector)}, ";
            text.AppendLine($"    {edge.From} -> {edge.To} [{label}{Style(edge.Kind)}];");
        }

        text.AppendLine("}");
        return text.ToString();
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
