using System.Text.RegularExpressions;
using UxRt.Camkes.Testing;

namespace UxRt.Camkes.Packaging.Tests;

/// <summary>
/// A new user's path, outside the repository and from packages only: `dotnet new camkes-system`,
/// build, run, test; `dotnet new camkes-component` added to it; the `camkes` tool on its spec.
/// One class, so the facts run one after another over one packed feed.
/// </summary>
public sealed class PackagedConsumerTests(PackageFeed feed) : IClassFixture<PackageFeed>
{
    [Fact]
    public void A_new_system_builds_runs_and_passes_its_own_tests()
    {
        var system = CreateSystem("MySystem");

        feed.Succeed(system, "build", "-nologo");
        var run = feed.Succeed(system, "run", "--project", "src/MySystem", "--no-build");
        Assert.Contains("client: added 3, total 6; the dataport says 6 after 3 updates", run.Output);

        var test = feed.Succeed(system, "test", "--no-build");
        Assert.Matches(@"Passed!\s+-\s+Failed:\s+0,\s+Passed:\s+2", test.Output);
    }

    // --nodes: the client and the server on two nodes, and an AppHost; built from the feed alone,
    // the system runs in one process, passes its tests, and the AppHost reads its nodes (Aspire's
    // manifest publisher lists one resource per node, which needs no orchestrator).
    [Fact]
    public void A_new_system_with_nodes_builds_with_its_AppHost_runs_and_publishes_a_manifest()
    {
        feed.Succeed(feed.Workspace, "new", "camkes-system", "--nodes", "-n", "Nodal");
        var system = Path.Combine(feed.Workspace, "Nodal");
        Assert.False(File.Exists(Path.Combine(system, "src", "Nodal", "Totals.cs")), "a system on two nodes has no dataport");

        feed.Succeed(system, "build", "-nologo");
        var run = feed.Succeed(system, "run", "--project", "src/Nodal", "--no-build");
        Assert.Contains("client: added 3, total 6", run.Output);

        var test = feed.Succeed(system, "test", "--no-build");
        Assert.Matches(@"Passed!\s+-\s+Failed:\s+0,\s+Passed:\s+2", test.Output);

        var manifest = Path.Combine(system, "aspire-manifest.json");
        feed.Succeed(system, "run", "--project", "src/Nodal.AppHost", "--no-build", "--", "--publisher", "manifest", "--output-path", manifest);
        var text = File.ReadAllText(manifest);
        foreach (var node in new[] { "client", "server" })
        {
            Assert.Matches($@"""system-{node}"":\s*\{{\s*""type"":\s*""project.v0""", text);
            Assert.Matches($@"""--node"",\s*""{node}""", text);
        }

        Assert.Contains("\"Camkes__Secret\": \"{system-secret.value}\"", text);
    }

    [Fact]
    public void The_consumer_project_in_README_is_the_one_the_template_creates()
    {
        var system = CreateSystem("ReadmeSystem");
        var created = File.ReadAllText(Path.Combine(system, "src", "ReadmeSystem", "ReadmeSystem.csproj"))
            .Replace(feed.Version, feed.VersionPrefix, StringComparison.Ordinal);

        Assert.Equal(Normalise(ReadmeConsumerProject()), Normalise(created));
    }

    [Fact]
    public void A_new_component_joins_the_system_it_is_imported_into()
    {
        var system = CreateSystem("Sensors");
        var project = Path.Combine(system, "src", "Sensors");

        // Built once, as a user's project is before it grows: the template reads the project's
        // RootNamespace, which needs a restored project.
        feed.Succeed(project, "build", "-nologo");
        feed.Succeed(project, "new", "camkes-component", "-n", "Thermometer");

        Assert.Contains("namespace Sensors;", File.ReadAllText(Path.Combine(project, "Thermometer.cs")));
        var spec = Path.Combine(project, "Sensors.camkes");
        var text = File.ReadAllText(spec)
            .Replace("import \"Counter.idl4\";", "import \"Counter.idl4\";\nimport \"Thermometer.camkes\";", StringComparison.Ordinal)
            .Replace("component Server server;", "component Server server;\n        component Thermometer thermometer;", StringComparison.Ordinal);
        File.WriteAllText(spec, text);

        var run = feed.Succeed(project, "run", "-nologo");
        Assert.Contains("thermometer: running", run.Output);
        Assert.Contains("client: added 3, total 6", run.Output);
    }

    [Fact]
    public void The_camkes_tool_from_the_feed_checks_the_templates_spec()
    {
        var system = CreateSystem("Checked");
        var tools = Path.Combine(feed.Workspace, "tools-" + Guid.NewGuid().ToString("N"));
        // The workspace's nuget.config names the feed, as `dotnet nuget add source` does in README.
        feed.Succeed(feed.Workspace, "tool", "install", "UxRt.Camkes.Cli", "--version", feed.Version, "--tool-path", tools);

        var check = DotnetCli.Run(Path.Combine(tools, "camkes"), system, PackageFeed.CommandTimeout, feed.Environment, "check", "src/Checked/Checked.camkes");
        Assert.True(check.ExitCode == 0, $"camkes check failed ({check.ExitCode}):\n{check.Output}");
    }

    // Issue 22: Roslyn hands MSBuild properties to the generator through an editorconfig file, where
    // ';' starts a comment, so list settings lost every entry after the first. And a spec that
    // imports the app's own spec to configure it is the one root, named by CamkesRoot beside another
    // spec that declares an assembly.
    [Fact]
    public void Several_include_directories_and_defines_reach_the_generator_and_an_overlay_runs_the_app()
    {
        var system = CreateSystem("Layered");
        var project = Path.Combine(system, "src", "Layered");
        Directory.CreateDirectory(Path.Combine(project, "include", "first"));
        Directory.CreateDirectory(Path.Combine(project, "include", "second"));
        File.WriteAllText(Path.Combine(project, "include", "first", "Unused.idl4"), "procedure Unused { void nothing(); };\n");
        File.Move(Path.Combine(project, "Counter.idl4"), Path.Combine(project, "include", "second", "Counter.idl4"));

        var spec = Path.Combine(project, "Layered.camkes");
        var app = File.ReadAllText(spec).Replace("import \"Counter.idl4\";", "import <Unused.idl4>;\nimport <Counter.idl4>;", StringComparison.Ordinal);
        File.WriteAllText(spec, "#ifndef FIRST\n#error FIRST is not defined\n#endif\n#if SECOND != 2\n#error SECOND is not 2\n#endif\n" + app);
        File.WriteAllText(Path.Combine(project, "Spare.camkes"), app);
        File.WriteAllText(Path.Combine(project, "LayeredUnicore.camkes"), """
            import "Layered.camkes";

            assembly {
                configuration {
                    server.threading = "unicore";
                }
            }
            """);
        File.WriteAllText(Path.Combine(project, "Server.cs"), """
            namespace Layered;

            public sealed class Server : ServerBase
            {
                private int _total;

                protected override ValueTask<int> CounterAddAsync(string reason, int amount)
                {
                    _total += amount;
                    ref var totals = ref Totals.WritableValue;
                    totals.Total = _total;
                    totals.Updates++;
                    Totals.Release();
                    Changed.Emit();
                    return ValueTask.FromResult(_total);
                }
            }
            """);
        var program = Path.Combine(project, "Program.cs");
        File.WriteAllText(program, File.ReadAllText(program).Replace("Layered.LayeredSystem", "Layered.LayeredUnicoreSystem", StringComparison.Ordinal));
        var csproj = Path.Combine(project, "Layered.csproj");
        File.WriteAllText(csproj, File.ReadAllText(csproj).Replace("</PropertyGroup>", """
                <CamkesIncludePath>include/first;include/second</CamkesIncludePath>
                <CamkesDefines>FIRST;SECOND=2</CamkesDefines>
                <CamkesRoot>LayeredUnicore.camkes</CamkesRoot>
              </PropertyGroup>
            """, StringComparison.Ordinal));

        var run = feed.Succeed(project, "run", "-nologo");
        Assert.Contains("client: added 3, total 6", run.Output);
    }

    private string CreateSystem(string name)
    {
        feed.Succeed(feed.Workspace, "new", "camkes-system", "-n", name);
        return Path.Combine(feed.Workspace, name);
    }

    // The ```xml block that follows the consumer-project marker in README.md.
    private static string ReadmeConsumerProject()
    {
        var readme = File.ReadAllText(Path.Combine(PackageFeed.RepositoryRoot, "README.md"));
        var match = Regex.Match(readme, @"<!-- consumer-project -->\s*```xml\n(?<project>.*?)```", RegexOptions.Singleline);
        Assert.True(match.Success, "README.md has no ```xml block after <!-- consumer-project -->");
        return match.Groups["project"].Value;
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
