using System.Diagnostics;
using System.Runtime.CompilerServices;
using UxRt.Camkes.Runtime.Kernel;

namespace UxRt.Camkes.Compiler.Tests;

/// <summary>
/// A connector added from the user's project: a catalog entry (connectors/X/connector.catalog
/// under CamkesTemplatePath) plus its templates, and nothing else: examples/TracedCalls/templates
/// holds seL4RPCCallTraced, seL4RPCCall whose ends start an Activity per call.
/// </summary>
public sealed class CatalogConnectorTests
{
    private const string Connector = "seL4RPCCallTraced";

    private const string Spec = """
        import <std_connector.camkes>;

        procedure Calc { int add(in int a, in int b); void reset(); };

        connector seL4RPCCallTraced {
            from Procedures;
            to Procedure;
        }

        component Client { control; uses Calc calc; }
        component Server { provides Calc calc; }

        assembly {
            composition {
                component Client client;
                component Client other;
                component Server server;
                connection seL4RPCCallTraced traced(from client.calc, from other.calc, to server.calc);
            }
            configuration {
                other.calc_attributes = 7;
            }
        }
        """;

    private const string Code = """
        namespace Demo;
        public sealed class Client : ClientBase { public int Total; protected override void Run() { Total = Calc.Add(2, 3); Calc.Reset(); } }
        public sealed class Server : ServerBase { protected override int CalcAdd(int a, int b) => a + b; protected override void CalcReset() { } }
        """;

    [Fact]
    public void A_connector_added_by_a_catalog_entry_and_templates_runs_its_own_glue()
    {
        var assembly = Harness().WithCode("Usings.cs", Specs.Usings).WithCode("Components.cs", Code).Load();
        var seen = new List<(string Name, ActivityKind Kind, object? Badge)>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "UxRt.Camkes.Traced",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity => { lock (seen) { seen.Add((activity.DisplayName, activity.Kind, activity.GetTagItem("camkes.badge"))); } },
        };
        ActivitySource.AddActivityListener(listener);

        using var kernel = (SystemKernel)assembly.GetType("Demo.CalcSystem")!.GetMethod("Create", [typeof(Microsoft.Extensions.Logging.ILogger), typeof(string)])!.Invoke(null, new object?[] { null, null })!;
        Assert.Equal(0, kernel.Run());
        dynamic client = kernel.GetInstance<Runtime.Components.Component>("client");
        Assert.Equal(5, (int)client.Total);

        // Each of the two clients' two calls, once on its side and once on the server's, with its badge.
        var traced = seen.Where(s => s.Badge is 0 or 7).ToList();
        foreach (var badge in new object[] { 0, 7 })
        {
            foreach (var method in new[] { "add", "reset" })
            {
                Assert.Single(traced, s => s.Name == $"Calc.{method}" && s.Kind == ActivityKind.Client && Equals(s.Badge, badge));
                Assert.Single(traced, s => s.Name == $"Calc.{method}" && s.Kind == ActivityKind.Server && Equals(s.Badge, badge));
            }
        }
    }

    [Fact]
    public void Its_glue_classes_take_the_entrys_glue_name_beside_seL4RPCCalls_own()
    {
        // One connection of each: the procedure gets both glues, each under its own name.
        var spec = Spec.Replace(
            "component Server server;",
            "component Server server;\n        component Client plain;\n        component Server plainServer;\n        connection seL4RPCCall direct(from plain.calc, to plainServer.calc);",
            StringComparison.Ordinal);
        var (_, result) = Harness().WithSpec("calc.camkes", spec).Run();

        Assert.Empty(result.Diagnostics);
        var files = result.GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Contains("CalcRpcTracedClient.g.cs", files);
        Assert.Contains("CalcRpcTracedServer.g.cs", files);
        Assert.Contains("CalcRpcClient.g.cs", files);
        Assert.Contains("CalcRpcServer.g.cs", files);
        Assert.Single(files, f => f == "CalcCallFrame.g.cs");
        var wiring = result.GeneratedSources.Single(s => s.HintName == "CalcSystem.g.cs").SourceText.ToString();
        Assert.Contains("new CalcRpcTracedServer(", wiring, StringComparison.Ordinal);
        Assert.Contains("new CalcRpcServer(", wiring, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unicore_end_without_the_entrys_async_template_is_an_error_at_the_connection()
    {
        var spec = Spec.Replace("other.calc_attributes = 7;", "other.calc_attributes = 7;\n        client.threading = \"unicore\";\n        other.threading = \"unicore\";", StringComparison.Ordinal);
        var (_, result) = Harness().WithSpec("calc.camkes", spec).Run();

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("ADL0301", error.Id);
        Assert.Equal(spec.Split('\n').ToList().FindIndex(l => l.Contains("connection seL4RPCCallTraced", StringComparison.Ordinal)), error.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains($"needs template connectors/{Connector}/from-async.hbs for its client glue", error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_checks_read_the_users_entry_too()
    {
        // seL4NotificationBind needs a threaded provided interface: the entry says the traced connector has one.
        var spec = Spec
            .Replace("component Server { provides Calc calc; }", "component Server { provides Calc calc; consumes Ping ping; }\n        component Pinger { control; emits Ping ping; }", StringComparison.Ordinal)
            .Replace("component Server server;", "component Server server;\n        component Pinger pinger;\n        connection seL4NotificationBind bind(from pinger.ping, to server.ping);", StringComparison.Ordinal);
        var (_, result) = Harness().WithSpec("calc.camkes", spec).Run();
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "ADL0320");

        var (_, unthreaded) = Harness(catalog: "family = rpc-call\nglue-name = RpcTraced\ninterface-thread = false\n").WithSpec("calc.camkes", spec).Run();
        var error = Assert.Single(unthreaded.Diagnostics, d => d.Id == "ADL0320");
        Assert.Contains($"is served by connector '{Connector}' (connection 'traced'), which has no interface thread", error.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("family = rpc-cal\n", 1, 10, "'rpc-cal' is not a family")]
    [InlineData("family = rpc-call\ncolour = blue\n", 2, 1, "unknown key 'colour'")]
    [InlineData("# no family\nglue-name = X\n", 1, 1, "has no 'family'")]
    [InlineData("family = rpc-call\n  interface-thread = yes\n", 2, 22, "'interface-thread' is true or false, not 'yes'")]
    [InlineData("family = rpc-call\nnode-crossing = carried\n", 2, 17, "not through connector 'seL4RPCCallTraced''s own glue")]
    public void A_mistake_in_a_catalog_file_is_ADL0103_at_its_line_and_column(string catalog, int line, int column, string message)
    {
        var (_, result) = Harness(catalog).Run();

        var error = Assert.Single(result.Diagnostics, d => d.Id == "ADL0103");
        var position = error.Location.GetLineSpan();
        Assert.Equal(Path.Combine(GeneratorHarness.ProjectDirectory, $"glue/connectors/{Connector}/connector.catalog"), position.Path);
        Assert.Equal((line - 1, column - 1), (position.StartLinePosition.Line, position.StartLinePosition.Character));
        Assert.Contains(message, error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_declaration_whose_ends_the_entrys_family_does_not_join_is_an_error_at_the_declaration()
    {
        var (_, result) = Harness("family = notification\n").Run();

        var error = Assert.Single(result.Diagnostics, d => d.Id == "ADL0103");
        Assert.Equal(Spec.Split('\n').ToList().FindIndex(l => l.StartsWith("connector seL4RPCCallTraced", StringComparison.Ordinal)), error.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("puts it in the Notification family, whose ends are Events", error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_catalog_entry_cannot_redefine_a_built_in_connector()
    {
        var (_, result) = new GeneratorHarness()
            .WithSpec("calc.camkes", Spec)
            .WithProperty("CamkesTemplatePath", "glue")
            .WithAdditionalFile("glue/connectors/seL4RPCCall/connector.catalog", "family = notification\n")
            .Run();

        var error = Assert.Single(result.Diagnostics, d => d.Id == "ADL0103");
        Assert.Contains("connector 'seL4RPCCall' is built in and keeps its catalog entry", error.GetMessage(), StringComparison.Ordinal);
    }

    private static GeneratorHarness Harness(string? catalog = null)
    {
        // The connector examples/TracedCalls adds to its own project, read from there.
        var folder = Path.Combine(TestsDirectory(), "..", "..", "examples", "TracedCalls", "templates", "connectors", Connector);
        return new GeneratorHarness()
            .WithSpec("calc.camkes", Spec)
            .WithProperty("CamkesTemplatePath", "glue")
            .WithAdditionalFile($"glue/connectors/{Connector}/connector.catalog", catalog ?? File.ReadAllText(Path.Combine(folder, "connector.catalog")))
            .WithAdditionalFile($"glue/connectors/{Connector}/from.hbs", File.ReadAllText(Path.Combine(folder, "from.hbs")))
            .WithAdditionalFile($"glue/connectors/{Connector}/to.hbs", File.ReadAllText(Path.Combine(folder, "to.hbs")));
    }

    private static string TestsDirectory([CallerFilePath] string here = "") => Path.GetDirectoryName(here)!;
}
