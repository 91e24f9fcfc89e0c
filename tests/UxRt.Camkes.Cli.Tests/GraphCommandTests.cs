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
        Assert.Contains("subgraph \"cluster_group:back\"", run.Out, StringComparison.Ordinal);
        Assert.Contains("subgraph cluster_legend {", run.Out, StringComparison.Ordinal);
        Assert.Contains("n0 -> n1 [label=\"greeting\\nseL4RPCCall\", style=solid];", run.Out, StringComparison.Ordinal);
        Assert.Contains("n0 -> n1 [label=\"finished\\nseL4Notification\", style=dashed", run.Out, StringComparison.Ordinal);
        Assert.Contains("n0 -> n1 [label=\"shared\\nseL4SharedData\", style=dotted", run.Out, StringComparison.Ordinal);
        Assert.Contains("n2 [label=\"device\\nDevice\", shape=component];", run.Out, StringComparison.Ordinal);
        Assert.Contains("n0 [label=\"client\\nClient\", penwidth=2];", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_legend_names_a_users_connector_by_its_catalog_entry_when_templates_are_given()
    {
        var root = Path.Combine(Path.GetTempPath(), $"camkes-graph-{Guid.NewGuid():N}");
        var connector = Path.Combine(root, "templates", "connectors", "seL4RPCCallTraced");
        Directory.CreateDirectory(connector);
        File.WriteAllText(Path.Combine(connector, "connector.catalog"), "family = rpc-call\n");
        Directory.CreateDirectory(Path.Combine(root, "lib"));
        File.Copy(CliRun.Spec("lib/Greeter.idl4"), Path.Combine(root, "lib", "Greeter.idl4"));
        var spec = Path.Combine(root, "traced.camkes");
        File.WriteAllText(spec, File.ReadAllText(CliRun.Spec("hello.camkes")).Replace("seL4RPCCall ", "seL4RPCCallTraced ", StringComparison.Ordinal)
            + "\nconnector seL4RPCCallTraced { from Procedures; to Procedure; }\n");
        try
        {
            var without = CliRun.Of("graph", spec);
            var with = CliRun.Of("graph", spec, "--templates", Path.Combine(root, "templates"));

            Assert.Equal(0, without.ExitCode);
            Assert.Equal(0, with.ExitCode);
            Assert.Contains("legend_0_to [label=\"user connector\"];", without.Out, StringComparison.Ordinal);
            Assert.Contains("legend_0_to [label=\"call\"];", with.Out, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
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
        Assert.Contains("use .dot, .svg, .png or .mmd", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Nodes_are_clusters_and_a_compound_is_drawn_around_its_parts()
    {
        var run = CliRun.Of("graph", CliRun.Spec("compound-nodes.camkes"));

        Assert.Equal(0, run.ExitCode);
        var text = run.Out.Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains("subgraph \"cluster_node:edge/\" {\n        label=\"node edge\";", text, StringComparison.Ordinal);
        var core = text.IndexOf("subgraph \"cluster_node:core/\"", StringComparison.Ordinal);
        var compound = text.IndexOf("subgraph \"cluster_node:core/compound:box\"", StringComparison.Ordinal);
        var part = text.IndexOf("[label=\"box.inner\\nLeaf\"]", StringComparison.Ordinal);
        Assert.True(core >= 0 && compound > core && part > compound, text);
        Assert.Contains("label=\"box\";", text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_png_file_is_drawn_by_graphviz()
    {
        Skip.If(!GraphvizIsInstalled(), "Graphviz's dot is not installed on this machine");
        var path = Path.Combine(Path.GetTempPath(), $"camkes-graph-{Guid.NewGuid():N}.png");
        try
        {
            var run = CliRun.Of(new[] { "graph", "-o", path }.Concat(Inputs).ToArray());

            Assert.True(run.ExitCode == 0, run.Error);
            var header = File.ReadAllBytes(path).Take(8).ToArray();
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, header);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static bool GraphvizIsInstalled() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Any(directory => File.Exists(Path.Combine(directory, "dot")));
}
