using Microsoft.CodeAnalysis;

namespace UxRt.Camkes.Compiler.Tests;

/// <summary>
/// With UxRt.Camkes.Remote referenced, a connection across nodes is wired through the RemoteNode
/// given to <c>Create</c>: an RPC connection through the RPC-over-dataport glue (whatever its connector),
/// served and exported on the server's node and imported on the clients' nodes; a notification
/// exported by its consumer's node and imported by its emitter's. Without the package, ADL0333 says so.
/// </summary>
public sealed class CrossNodeEmissionTests
{
    internal const string Spec = """
        import <std_connector.camkes>;

        procedure Calc {
            int add(in int a, in int b);
            string name(in string prefix, out int length);
        };

        component Client { control; uses Calc calc; emits Done done; consumes Ack ack; }
        component Fast { control; uses Calc calc; }
        component Server { provides Calc calc; consumes Done done; emits Ack ack; }

        assembly {
            composition {
                component Client client;
                component Client local;
                component Fast fast;
                component Server server;
                connection seL4RPCCall calls(from client.calc, from local.calc, from fast.calc, to server.calc);
                connection seL4Notification done(from client.done, to server.done);
                connection seL4Notification ack(from server.ack, to client.ack, to local.ack);
            }
            configuration {
                client.node = "edge";
                fast.node = "edge";
                local.node = "core";
                server.node = "core";
                fast.threading = "unicore";
                client.calc_attributes = 1;
                local.calc_attributes = 2;
                fast.calc_attributes = 3;
                server.calc_priority = 10;
            }
        }
        """;

    /// <summary>Every client calls and signals the server; the server tells them apart by badge and answers every signal.</summary>
    internal const string Code = """
        using System.Collections.Concurrent;
        using System.Threading.Tasks;
        namespace Demo;
        public sealed class Client : ClientBase
        {
            public int Total;
            public string? Named;
            public int Length;
            protected override void Run()
            {
                Total = Calc.Add(2, 3);
                Named = Calc.Name("abc", out Length);
                Done.Emit();
                Ack.Wait(StopRequested);
            }
        }
        public sealed class Fast : FastBase
        {
            public int Sum;
            protected override async Task RunAsync() => Sum = await Calc.AddAsync(1, 2);
        }
        public sealed class Server : ServerBase
        {
            public readonly ConcurrentBag<int> Senders = new();
            protected override void Init() => Done.RegisterCallback(_ => Ack.Emit());
            protected override int CalcAdd(int a, int b)
            {
                Senders.Add(SenderId);
                return a + b;
            }
            protected override string CalcName(string prefix, out int length)
            {
                length = prefix.Length;
                return prefix + "!";
            }
        }
        """;

    [Fact]
    public void With_the_remote_package_the_system_takes_a_RemoteNode_and_compiles_without_warnings()
    {
        var (output, result) = Harness(remote: true).Run();

        Assert.Empty(result.Diagnostics);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var system = SystemText(result);
        Assert.Contains("Create(global::Microsoft.Extensions.Logging.ILogger? logger, string? node, global::UxRt.Camkes.Remote.RemoteNode? remote)", system);
        Assert.Contains("Build(context, global::UxRt.Camkes.Remote.RemoteNodeLink.RemoteOf(context));", system);
        Assert.Contains("global::UxRt.Camkes.Remote.NodeHost.RunAsync<PlacedSystem>(args);", system);
    }

    [Fact]
    public void An_rpc_connection_across_nodes_is_served_and_exported_on_the_server_node_through_the_message_glue()
    {
        var system = NodeSection(SystemText(Harness(remote: true).Run().Result), "calls", "core");

        Assert.Contains("kernel.Serve(\"server\", \"calc\", new CalcRpcDataportServer(server.ProvidedCalc), new global::UxRt.Camkes.Runtime.Threading.ThreadSettings(Priority: 10));", system);
        Assert.Contains(
            "remote.ExportEndpoint(\"calls\", \"server\", \"calc\", callsEndpoint, new global::UxRt.Camkes.Remote.Glue.RemoteCaller(\"edge\", 1), new global::UxRt.Camkes.Remote.Glue.RemoteCaller(\"edge\", 3));",
            system);
        Assert.Contains("local.ConnectCalc(new CalcRpcDataportClient(callsEndpoint, badge: 2));", system);
    }

    [Fact]
    public void The_client_nodes_import_the_endpoint_blocking_or_awaitable_by_their_threading()
    {
        var system = NodeSection(SystemText(Harness(remote: true).Run().Result), "calls", "edge");

        Assert.Contains("var callsEndpoint = remote.ImportEndpoint(\"calls\", \"core\", \"server\", \"calc\", new[] { \"add\", \"name\" });", system);
        Assert.Contains("client.ConnectCalc(new CalcRpcDataportClient(callsEndpoint, badge: 1));", system);
        Assert.Contains("fast.ConnectCalc(new CalcRpcDataportAsyncClient(callsEndpoint, badge: 3));", system);
    }

    [Fact]
    public void The_message_glue_is_generated_for_a_procedure_that_crosses_nodes_although_no_connection_uses_seL4RPCDataport()
    {
        var files = Harness(remote: true).Run().Result.GeneratedSources.Select(s => s.HintName).ToList();

        Assert.Contains("CalcRpcDataportClient.g.cs", files);
        Assert.Contains("CalcRpcDataportAsyncClient.g.cs", files);
        Assert.Contains("CalcRpcDataportServer.g.cs", files);
        Assert.Contains("CalcRpcClient.g.cs", files);
    }

    [Fact]
    public void A_notification_across_nodes_is_exported_by_its_consumers_node_and_imported_by_its_emitters_node()
    {
        var system = SystemText(Harness(remote: true).Run().Result);
        var core = NodeSection(system, "ack", "core");
        var edge = NodeSection(system, "ack", "edge");

        Assert.Contains("var ackToLocal = kernel.CreateNotification(\"local\", \"ack\"", core);
        Assert.Contains("var ackToClient = remote.ImportNotification(\"ack\", \"edge\", \"client\", \"ack\");", core);
        Assert.Contains("server.ConnectAck(new global::UxRt.Camkes.Runtime.Notifications.EventEmitter(new[] { ackToClient, ackToLocal }, badge: 1));", core);
        Assert.Contains("var ackToClient = kernel.CreateNotification(\"client\", \"ack\"", edge);
        Assert.Contains("remote.ExportNotification(\"ack\", \"client\", \"ack\", ackToClient, new global::UxRt.Camkes.Remote.Glue.RemoteCaller(\"core\", 1));", edge);
        Assert.DoesNotContain("ImportNotification", edge);
    }

    [Fact]
    public void A_node_run_without_a_RemoteNode_logs_why_its_cross_node_connections_are_unwired()
    {
        var system = SystemText(Harness(remote: true).Run().Result);

        Assert.Contains("it is left unwired on node {Node}: Create was given no RemoteNode\", \"calls\", \"edge, core\", node);", system);
    }

    [Fact]
    public void Without_the_remote_package_nodes_get_ADL0333_at_the_first_node_setting_and_no_RunNodeAsync()
    {
        var (output, result) = Harness(remote: false).Run();

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("ADL0333", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(Spec.Split('\n').ToList().FindIndex(l => l.Contains("client.node", StringComparison.Ordinal)), warning.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("reference UxRt.Camkes.Remote", warning.GetMessage());
        Assert.Contains("'edge', 'core'", warning.GetMessage());
        var system = SystemText(result);
        Assert.DoesNotContain("RunNodeAsync", system);
        Assert.DoesNotContain("RemoteNode", system);
        Assert.Contains("reference UxRt.Camkes.Remote to carry connections between processes", system);
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void One_node_needs_no_remote_package_and_gets_no_warning()
    {
        var (_, result) = new GeneratorHarness().WithSpec("one.camkes", Specs.Echo).Run();

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void A_procedure_whose_message_cannot_carry_a_struct_is_reported_and_left_unwired_between_processes()
    {
        const string spec = """
            import <std_connector.camkes>;
            struct Names { string first; string last; };
            procedure Directory { void add(in Names names); };
            component Client { control; uses Directory directory; }
            component Server { provides Directory directory; }
            assembly {
                composition {
                    component Client client;
                    component Server server;
                    connection seL4RPCCall lookup(from client.directory, to server.directory);
                }
                configuration { client.node = "edge"; server.node = "core"; }
            }
            """;

        var (_, result) = new GeneratorHarness().WithRemote().WithSpec("names.camkes", spec).Run();

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("ADL0334", warning.Id);
        Assert.Contains("connection 'lookup' joins nodes 'edge', 'core'", warning.GetMessage());
        Assert.Contains("struct Names", warning.GetMessage());
        var system = result.GeneratedSources.Single(s => s.HintName == "NamesSystem.g.cs").SourceText.ToString();
        Assert.DoesNotContain("remote.ImportEndpoint", system);
        Assert.Contains("it is left unwired on node {Node}: connector seL4RPCCall cannot cross nodes", system);
    }

    internal static GeneratorHarness Harness(bool remote)
    {
        var harness = new GeneratorHarness().WithSpec("placed.camkes", Spec).WithCode("Usings.cs", Specs.Usings).WithCode("Components.cs", Code);
        return remote ? harness.WithRemote() : harness;
    }

    private static string SystemText(GeneratorRunResult result) =>
        result.GeneratedSources.Single(s => s.HintName == "PlacedSystem.g.cs").SourceText.ToString();

    // What node `node` does for `connection` when it runs on its own: its section of the connection's cross-node wiring.
    private static string NodeSection(string system, string connection, string node)
    {
        var lines = system.Split('\n');
        var wiring = Enumerable.Range(0, lines.Length - 1)
            .First(i => lines[i].Contains($" {connection}(", StringComparison.Ordinal) && lines[i + 1].Contains("// Between processes", StringComparison.Ordinal));
        var first = Array.FindIndex(lines, wiring, l => l.Trim() == $"if (node == \"{node}\")" || l.Trim() == $"else if (node == \"{node}\")");
        var indent = lines[first].Length - lines[first].TrimStart().Length;
        var last = Array.FindIndex(lines, first, l => l == new string(' ', indent) + "}");
        return string.Join("\n", lines[first..(last + 1)]);
    }
}
