using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.Extensions.Logging;
using UxRt.Camkes.Runtime.Kernel;

namespace UxRt.Camkes.Compiler.Tests;

/// <summary>
/// <c>node</c> settings reach the generated system: <c>XSystem.Nodes</c> lists them, and
/// <c>Create(node: …)</c> builds one node's instances and the connections within it, leaving a
/// connection across nodes unwired and logged (without UxRt.Camkes.Remote nothing can carry it).
/// </summary>
public sealed class NodeSelectionTests
{
    private const string Spec = """
        import <std_connector.camkes>;

        procedure Calc { int add(in int a, in int b); };

        component Client { control; uses Calc calc; }
        component Server { provides Calc calc; }

        assembly {
            composition {
                component Client client;
                component Server server;
                component Client worker;
                component Server helper;
                connection seL4RPCCall remote(from client.calc, to server.calc);
                connection seL4RPCCall local(from worker.calc, to helper.calc);
            }
            configuration {
                client.node = "edge";
                server.node = "core";
                worker.node = "core";
                helper.node = "core";
            }
        }
        """;

    private const string Code = """
        namespace Demo;
        public sealed class Client : ClientBase { public int Total; protected override void Run() => Total = Calc.Add(2, 3); }
        public sealed class Server : ServerBase { protected override int CalcAdd(int a, int b) => a + b; }
        """;

    private static readonly Lazy<Assembly> Built = new(() =>
        new GeneratorHarness().WithSpec("placed.camkes", Spec).WithCode("Usings.cs", Specs.Usings).WithCode("Components.cs", Code).Load());

    [Fact]
    public void The_generated_glue_compiles_without_warnings()
    {
        var (output, result) = new GeneratorHarness().WithSpec("placed.camkes", Spec).WithCode("Usings.cs", Specs.Usings).WithCode("Components.cs", Code).Run();

        // The one warning says how to run the nodes as separate processes (CrossNodeEmissionTests).
        Assert.Equal("ADL0333", Assert.Single(result.Diagnostics).Id);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Only_a_system_of_several_nodes_guards_its_instances_and_connections_by_node()
    {
        string Bootstrap(string spec)
        {
            var (output, result) = new GeneratorHarness().WithSpec("placed.camkes", spec).WithCode("Usings.cs", Specs.Usings).WithCode("Components.cs", Code).Run();
            var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            Assert.True(problems.Count == 0, string.Join("\n", problems));
            return result.GeneratedSources.Single(s => s.HintName.EndsWith("System.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        }

        var oneNode = Bootstrap(Spec.Replace("client.node = \"edge\";", "client.node = \"core\";", StringComparison.Ordinal));
        var twoNodes = Bootstrap(Spec);

        Assert.DoesNotContain("if (node is null", oneNode, StringComparison.Ordinal);
        Assert.Contains("        kernel.AddInstance(\"client\"", oneNode, StringComparison.Ordinal);
        Assert.Equal(4 + 2, twoNodes.Split("if (node is null").Length - 1);
    }

    [Fact]
    public void Nodes_lists_the_placement_in_declaration_order()
    {
        var nodes = (IReadOnlyList<string>)System().GetProperty("Nodes")!.GetValue(null)!;

        Assert.Equal(new[] { "edge", "core" }, nodes);
    }

    [Fact]
    public void One_node_runs_its_own_instances_and_logs_the_connection_it_leaves_unwired()
    {
        var logger = new RecordingLogger();
        using var kernel = Create(logger, "core");

        Assert.Throws<KeyNotFoundException>(() => kernel.GetInstance<Runtime.Components.Component>("client"));
        Assert.NotNull(kernel.GetInstance<Runtime.Components.Component>("server"));
        Assert.Equal(0, kernel.Run());
        dynamic worker = kernel.GetInstance<Runtime.Components.Component>("worker");
        Assert.Equal(5, (int)worker.Total);
        var line = Assert.Single(logger.Lines, l => l.Contains("remote", StringComparison.Ordinal));
        Assert.Contains("edge, core", line);
        Assert.Contains("left unwired on node core", line);
        Assert.DoesNotContain(logger.Lines, l => l.Contains("Connection local", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_node_the_whole_system_runs_in_one_process()
    {
        var logger = new RecordingLogger();
        using var kernel = Create(logger, null);

        Assert.Equal(0, kernel.Run());
        dynamic client = kernel.GetInstance<Runtime.Components.Component>("client");
        dynamic worker = kernel.GetInstance<Runtime.Components.Component>("worker");
        Assert.Equal(5, (int)client.Total);
        Assert.Equal(5, (int)worker.Total);
        Assert.DoesNotContain(logger.Lines, l => l.Contains("unwired", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_node_is_refused_naming_the_nodes()
    {
        var error = Assert.Throws<TargetInvocationException>(() => Create(null, "nowhere"));

        var refused = Assert.IsType<ArgumentException>(error.InnerException);
        Assert.Contains("no node 'nowhere'", refused.Message);
        Assert.Contains("edge, core", refused.Message);
    }

    [Fact]
    public void A_user_system_template_that_renders_each_connection_as_text_still_gets_its_wiring()
    {
        var (_, result) = new GeneratorHarness()
            .WithSpec("placed.camkes", Spec)
            .WithProperty("CamkesTemplatePath", "glue")
            .WithAdditionalFile("glue/system.hbs", "// <auto-generated/>\n{{#each Connections}}/*\n{{this}}\n*/\n{{/each}}")
            .Run();

        Assert.Equal("ADL0333", Assert.Single(result.Diagnostics).Id);
        var system = result.GeneratedSources.Single(s => s.HintName == "PlacedSystem.g.cs").SourceText.ToString();
        Assert.Contains("kernel.Serve(\"helper\", \"calc\"", system);
    }

    private static Type System() => Built.Value.GetType("Demo.PlacedSystem")!;

    private static SystemKernel Create(ILogger? logger, string? node) =>
        (SystemKernel)System().GetMethod("Create", [typeof(Microsoft.Extensions.Logging.ILogger), typeof(string)])!.Invoke(null, new object?[] { logger, node })!;

    private sealed class RecordingLogger : ILogger
    {
        private readonly List<string> _lines = new();

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines)
                {
                    return _lines.ToList();
                }
            }
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_lines)
            {
                _lines.Add(formatter(state, exception));
            }
        }
    }
}
