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
        var clusters = 0;
        graph.VisitNested(
            (cluster, depth) => text.AppendLine($"{Indent(depth)}subgraph c{clusters++}[\"{Escape(cluster.Label)}\"]"),
            (node, depth) => text.AppendLine(Indent(depth) + Node(node)),
            depth => text.AppendLine(Indent(depth) + "end"));

        foreach (var junction in graph.Junctions)
        {
            text.AppendLine($"    {junction.Id}{{{{\"{Escape(junction.Connection)}: {Escape(junction.Connector)}\"}}}}");
        }

        foreach (var edge in graph.Edges)
        {
            var arrow = Arrow(edge.Kind);
            text.AppendLine(edge.Connection is null
                ? $"    {edge.From} {arrow} {edge.To}"
                : $"    {edge.From} {arrow}|\"{Escape(edge.Connection)}: {Escape(edge.Connector!)}\"| {edge.To}");
        }

        // What each line style means: one row per kind of connection drawn.
        var rows = graph.LegendRows;
        if (rows.Count > 0)
        {
            text.AppendLine("    subgraph legend[\"legend\"]");
            for (var i = 0; i < rows.Count; i++)
            {
                text.AppendLine($"        legend_{i}_from[ ] {Arrow(rows[i].Kind)}|{Escape(rows[i].Label)}| legend_{i}_to[ ]");
            }

            text.AppendLine("    end");
        }

        return text.ToString();
    }

    private static string Arrow(ConnectorEndKind kind) => kind switch
    {
        ConnectorEndKind.Event => "-.->",
        ConnectorEndKind.Dataport => "<==>",
        _ => "-->",
    };

    // Below the flowchart line, four spaces a level.
    private static string Indent(int depth) => new(' ', 4 * (depth + 1));

    private static string Node(GraphNode node)
    {
        var label = $"\"{Escape(node.Instance)}<br/><i>{Escape(node.ComponentType)}</i>\"";
        return node.IsHardware ? $"{node.Id}[/{label}/]" : node.IsControl ? $"{node.Id}[[{label}]]" : $"{node.Id}({label})";
    }

    private static string Escape(string text) => text.Replace("\"", "#quot;", StringComparison.Ordinal);
}
