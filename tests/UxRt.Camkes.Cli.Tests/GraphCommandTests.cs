namespace UxRt.Camkes.Cli.Tests;

public sealed class GraphCommandTests
{
    private static readonly string[] Inputs = { "-I", Path.Combine(CliRun.SpecsDirectory, "lib"), "-D", "GREETING_PRIORITY=1", CliRun.Spec("system.camkes") };

    [Fact]
    public void Without_an_output_file_the_dot_text_goes_to_stdout()
    {
        var run = CliRun.Of(new[] { "graph" }.Concat(Inputs).ToArray());

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("digraph \"system\" {", run.Out, StringComparison.Ordinal);
        Assert.Contains("subgraph \"cluster_back\"", run.Out, StringComparison.Ordinal);
        Assert.Contains("n0 -> n1 [label=\"greeting\\nseL4RPCCall\", style=solid];", run.Out, StringComparison.Ordinal);
        Assert.Contains("n0 -> n1 [label=\"finished\\nseL4Notification\", style=dashed", run.Out, StringComparison.Ordinal);
        Assert.Contains("n0 -> n1 [label=\"shared\\nseL4SharedData\", style=dotted", run.Out, StringComparison.Ordinal);
        Assert.Contains("n2 [label=\"device\\nDevice\", shape=component];", run.Out, StringComparison.Ordinal);
        Assert.Contains("n0 [label=\"client\\nClient\", penwidth=2];", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_with_more_than_two_ends_is_drawn_through_a_junction()
    {
        var run = CliRun.Of("graph", CliRun.Spec("fan.camkes"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("j0 [shape=point, width=0.12, xlabel=\"board\\nseL4SharedData\"];", run.Out, StringComparison.Ordinal);
        Assert.Contains("n0 -> j0 [style=dotted", run.Out, StringComparison.Ordinal);
        Assert.Contains("j0 -> n1 [style=dotted", run.Out, StringComparison.Ordinal);
        Assert.Contains("j0 -> n2 [style=dotted", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mmd_file_gets_a_mermaid_flowchart()
    {
        var path = Path.Combine(Path.GetTempPath(), $"camkes-graph-{Guid.NewGuid():N}.mmd");
        try
        {
            var run = CliRun.Of(new[] { "graph", "-o", path }.Concat(Inputs).ToArray());

            Assert.Equal(0, run.ExitCode);
            var text = File.ReadAllText(path);
            Assert.StartsWith("flowchart LR", text, StringComparison.Ordinal);
            Assert.Contains("n0 -->|\"greeting: seL4RPCCall\"| n1", text, StringComparison.Ordinal);
            Assert.Contains("n0 -.->|\"finished: seL4Notification\"| n1", text, StringComparison.Ordinal);
            Assert.Contains("n0 <==>|\"shared: seL4SharedData\"| n1", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Svg_without_graphviz_says_so_clearly()
    {
        var path = Path.Combine(Path.GetTempPath(), $"camkes-graph-{Guid.NewGuid():N}.svg");
        var run = CliRun.Of(new[] { "graph", "-o", path, "--dot", "/nonexistent/graphviz/dot" }.Concat(Inputs).ToArray());

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Graphviz '/nonexistent/graphviz/dot' was not found", run.Error, StringComparison.Ordinal);
        Assert.Contains("apt-get install graphviz", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void An_unknown_picture_format_is_bad_usage()
    {
        var run = CliRun.Of(new[] { "graph", "-o", "picture.bmp" }.Concat(Inputs).ToArray());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("use .dot, .svg or .mmd", run.Error, StringComparison.Ordinal);
    }
}
