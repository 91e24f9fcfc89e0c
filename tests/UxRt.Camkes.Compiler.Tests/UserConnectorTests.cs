using System.Reflection;
using UxRt.Camkes.Runtime.Kernel;

namespace UxRt.Camkes.Compiler.Tests;

/// <summary>
/// A connector declared in the spec is implemented by templates in the user's project
/// (connectors/X/from.hbs and to.hbs under CamkesTemplatePath); without them, or with a broken
/// one, the build says which file and line.
/// </summary>
public sealed class UserConnectorTests
{
    private const string Spec = """
        import <std_connector.camkes>;

        procedure Counter { int add(in int amount); };

        connector Tally {
            from Procedure;
            to Procedure;
        }

        component Client { control; uses Counter counter; }
        component Server { provides Counter counter; }

        assembly {
            composition {
                component Client client;
                component Server server;
                connection Tally tally(from client.counter, to server.counter);
            }
        }
        """;

    private const string From = """
        {{> header}}
        namespace {{Namespace}};
        public sealed class {{FromClass}} : {{Procedure.InterfaceName}}
        {
            private readonly {{ToClass}} _to;
            public {{FromClass}}({{ToClass}} to, int badge) => _to = to;
        {{#each Procedure.Methods}}
            public {{ReturnType}} {{Name}}({{ParameterList}}) => _to.{{Name}}({{ArgumentList}});
        {{/each}}
        }
        """;

    private const string To = """
        {{> header}}
        namespace {{Namespace}};
        public sealed class {{ToClass}}
        {
            private readonly {{Procedure.InterfaceName}} _server;
            public {{ToClass}}({{Procedure.InterfaceName}} server) => _server = server;
        {{#each Procedure.Methods}}
            public {{ReturnType}} {{Name}}({{ParameterList}}) => 1000 + _server.{{Name}}({{ArgumentList}});
        {{/each}}
        }
        """;

    private const string Code = """
        namespace Demo;
        public sealed class Client : ClientBase { public int Total; protected override void Run() => Total = Counter.Add(2) + Counter.Add(3); }
        public sealed class Server : ServerBase { private int _sum; protected override int CounterAdd(int amount) => _sum += amount; }
        """;

    [Fact]
    public void A_declared_connector_runs_the_glue_its_templates_generate()
    {
        var assembly = Harness(From, To).WithCode("Usings.cs", Specs.Usings).WithCode("Components.cs", Code).Load();

        using var kernel = (SystemKernel)assembly.GetType("Demo.CounterSystem")!.GetMethod("Create", [typeof(Microsoft.Extensions.Logging.ILogger), typeof(string)])!.Invoke(null, new object?[] { null, null })!;
        Assert.Equal(0, kernel.Run());
        dynamic client = kernel.GetInstance<Runtime.Components.Component>("client");

        // Both calls went through the template's server end, which adds 1000 to each reply.
        Assert.Equal(1002 + 1005, (int)client.Total);
    }

    [Fact]
    public void A_declared_connector_without_templates_is_an_error_at_the_connection()
    {
        var (_, result) = new GeneratorHarness().WithSpec("counter.camkes", Spec).Run();

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("ADL0301", error.Id);
        Assert.Equal(16, error.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("connectors/Tally/from.hbs", error.GetMessage());
    }

    [Fact]
    public void A_template_error_names_the_template_file_and_line()
    {
        var broken = To.Replace("{{/each}}", "{{/if}}");
        var (_, result) = Harness(From, broken).Run();

        var error = Assert.Single(result.Diagnostics, d => d.Id == "ADL0302");
        var position = error.Location.GetLineSpan();
        Assert.Equal(Path.Combine(GeneratorHarness.ProjectDirectory, "glue/connectors/Tally/to.hbs"), position.Path);
        Assert.Equal(8, position.StartLinePosition.Line);
        Assert.Contains("'/if'", error.GetMessage());
    }

    [Fact]
    public void A_member_the_model_lacks_is_a_template_error_at_its_line_not_an_empty_string()
    {
        var misspelt = To.Replace("{{/each}}", "{{Misspelt}}{{/each}}");
        var (_, result) = Harness(From, misspelt).Run();

        var error = Assert.Single(result.Diagnostics, d => d.Id == "ADL0302");
        var position = error.Location.GetLineSpan();
        Assert.Equal(Path.Combine(GeneratorHarness.ProjectDirectory, "glue/connectors/Tally/to.hbs"), position.Path);
        Assert.Equal(misspelt.Split('\n').ToList().FindIndex(line => line.Contains("{{Misspelt}}", StringComparison.Ordinal)), position.StartLinePosition.Line);
        Assert.Contains("'Misspelt' is not a member of the model", error.GetMessage());
    }

    [Fact]
    public void Across_nodes_its_connections_are_reported_as_staying_within_one_process()
    {
        var placed = Spec.Replace(
            "connection Tally tally(from client.counter, to server.counter);\n    }",
            "connection Tally tally(from client.counter, to server.counter);\n    }\n    configuration { client.node = \"edge\"; server.node = \"core\"; }",
            StringComparison.Ordinal);
        Assert.NotEqual(Spec, placed);

        var (_, result) = Harness(From, To).WithSpec("counter.camkes", placed).WithRemote().Run();

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("ADL0334", warning.Id);
        Assert.Contains("connection 'tally' joins nodes 'edge', 'core', but the glue of a user-defined connector works within one process", warning.GetMessage());
        var system = result.GeneratedSources.Single(s => s.HintName == "CounterSystem.g.cs").SourceText.ToString();
        Assert.Contains("left unwired on node {Node}: connector Tally cannot cross nodes", system);
    }

    private static GeneratorHarness Harness(string from, string to) =>
        new GeneratorHarness()
            .WithSpec("counter.camkes", Spec)
            .WithProperty("CamkesTemplatePath", "glue")
            .WithAdditionalFile("glue/connectors/Tally/from.hbs", from)
            .WithAdditionalFile("glue/connectors/Tally/to.hbs", to);
}
