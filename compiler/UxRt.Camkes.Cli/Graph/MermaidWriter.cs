using System.Text;
using UxRt.Camkes.Adl.Syntax;

namespace UxRt.Camkes.Cli.Graph;

/// <summary>
/// Writes the graph as a Mermaid flowchart (renders in GitHub and most Markdown viewers):
/// calls as arrows, events as dotted arrows, shared memory as thick links.
/// </summary>
internal static class MermaidWriter
{
    public static string Write(SystemGraph graph)
    {
        var text = new StringBuilder();
        text.AppendLine("flowchart LR");
        var groupIndex = 0;
        foreach (var group in graph.Nodes.Where(n => n.Group is not null).GroupBy(n => n.Group!))
        {
            text.AppendLine($"    subgraph g{groupIndex++}[\"group {Escape(group.Key)}\"]");
            foreach (var node in group)
            {
                text.AppendLine("        " + Node(node));
            }

            text.AppendLine("    end");
        }

        foreach (var node in graph.Nodes.Where(n => n.Group is null))
        {
            text.AppendLine("    " + Node(node));
        }

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

        return text.ToString();
    }

    private static string Node(GraphNode node)
    {
        var label = $"\"{Escape(node.Instance)}<br/><i>{Escape(node.ComponentType)}</i>\"";
        return node.IsHardware ? $"{node.Id}[/{label}/]" : node.IsControl ? $"{node.Id}[[{label}]]" : $"{node.Id}({label})";
    }

    private static string Escape(string text) => text.Replace("\"", "#quot;", StringComparison.Ordinal);
}
