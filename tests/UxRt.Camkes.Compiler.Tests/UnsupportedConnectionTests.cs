using Microsoft.CodeAnalysis;

namespace UxRt.Camkes.Compiler.Tests;

/// <summary>
/// Connections the C# glue cannot implement are one positioned ADL0021 at the connection, never
/// C# errors in generated files (issue 22): seL4RPCCallNoType between different procedures across
/// nodes (in one process it serves each client's procedure), and camkes-tool's hardware connectors,
/// which a spec uses without declaring them.
/// </summary>
public sealed class UnsupportedConnectionTests
{
    // cakeml_hello's shape: the server provides a blank procedure and serves its clients' procedures.
    private const string MixedProcedures = """
        import <std_connector.camkes>;
        procedure HelloGoodbye { };
        procedure Hello { void hello(); uint32_t ret(); };
        procedure Goodbye { void bye(); };
        component Hello { provides HelloGoodbye s; }
        component Client { control; uses Hello h; uses Goodbye g; }
        assembly {
            composition {
                component Hello hello;
                component Client client;
                connection seL4RPCCallNoType connect_hello(from client.h, from client.g, to hello.s);
            }
        }
        """;

    // The spec with a configuration section of one setting.
    private static string Configured(string setting) =>
        MixedProcedures.Substring(0, MixedProcedures.LastIndexOf('}')) + "    configuration { " + setting + " }\n}";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RPCCallNoType_between_different_procedures_serves_each_clients_procedure_on_the_one_interface(bool unicore)
    {
        var spec = unicore ? Configured("hello.threading = \"unicore\";") : MixedProcedures;
        var server = unicore
            ? """
              public sealed class Hello : HelloBase
              {
                  protected override System.Threading.Tasks.ValueTask S_HelloAsync() => default;
                  protected override System.Threading.Tasks.ValueTask<uint> S_RetAsync() => new(42u);
                  protected override System.Threading.Tasks.ValueTask S_ByeAsync() => default;
              }
              """
            : """
              public sealed class Hello : HelloBase
              {
                  protected override void S_Hello() { }
                  protected override uint S_Ret() => 42;
                  protected override void S_Bye() { }
              }
              """;

        var (output, result) = new GeneratorHarness()
            .WithSpec("cakeml_hello.camkes", spec)
            .WithCode("Hello.cs", "namespace Demo;\n" + server)
            .WithCode("Client.cs", "namespace Demo;\npublic sealed class Client : ClientBase { protected override void Run() { H.Hello(); G.Bye(); } }")
            .Run();

        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var system = result.GeneratedSources.Single(s => s.HintName.EndsWith("System.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains(unicore ? "AsyncProcedureSwitch((typeof(HelloCallFrame)" : "ProcedureSwitch((typeof(HelloCallFrame)", system, StringComparison.Ordinal);
        Assert.Contains("new GoodbyeRpcClient(connectHelloEndpoint, badge: 1)", system, StringComparison.Ordinal);
    }

    [Fact]
    public void RPCCallNoType_between_different_procedures_delivers_each_call_to_its_procedures_handler_with_the_clients_badge()
    {
        const string code = """
            namespace Demo;
            public sealed class Hello : HelloBase
            {
                public static readonly System.Collections.Concurrent.ConcurrentQueue<string> Calls = new();
                protected override void S_Hello() => Calls.Enqueue($"hello from {SenderId}");
                protected override uint S_Ret() => 42;
                protected override void S_Bye() => Calls.Enqueue($"bye from {SenderId}");
            }
            public sealed class Client : ClientBase
            {
                public static uint Returned;
                protected override void Run() { H.Hello(); Returned = H.Ret(); G.Bye(); }
            }
            """;
        var assembly = new GeneratorHarness().WithSpec("cakeml_hello.camkes", MixedProcedures).WithCode("Code.cs", code).Load();

        using var kernel = (UxRt.Camkes.Runtime.Kernel.SystemKernel)assembly.GetType("Demo.CakemlHelloSystem")!
            .GetMethod("Create", [typeof(Microsoft.Extensions.Logging.ILogger), typeof(string)])!.Invoke(null, new object?[] { null, null })!;
        Assert.Equal(0, kernel.Run());

        Assert.Equal(42u, (uint)assembly.GetType("Demo.Client")!.GetField("Returned")!.GetValue(null)!);
        var calls = (System.Collections.Concurrent.ConcurrentQueue<string>)assembly.GetType("Demo.Hello")!.GetField("Calls")!.GetValue(null)!;
        Assert.Equal(new[] { "hello from 0", "bye from 1" }, calls);
    }

    [Fact]
    public void RPCCallNoType_with_a_client_of_the_servers_own_procedure_serves_that_through_the_ports_own_adapter()
    {
        var spec = MixedProcedures
            .Replace("procedure HelloGoodbye { };", "procedure HelloGoodbye { int both(); };", StringComparison.Ordinal)
            .Replace("uses Goodbye g;", "uses Goodbye g; uses HelloGoodbye hg;", StringComparison.Ordinal)
            .Replace("from client.g, to hello.s", "from client.g, from client.hg, to hello.s", StringComparison.Ordinal);
        const string code = """
            namespace Demo;
            public sealed class Hello : HelloBase
            {
                protected override int S_Both() => 2;
                protected override void S_Hello() { }
                protected override uint S_Ret() => 42;
                protected override void S_Bye() { }
            }
            public sealed class Client : ClientBase { protected override void Run() { H.Hello(); G.Bye(); Hg.Both(); } }
            """;

        var (output, result) = new GeneratorHarness().WithSpec("cakeml_hello.camkes", spec).WithCode("Code.cs", code).Run();

        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void RPCCallNoType_between_different_procedures_across_nodes_is_ADL0021_at_the_connection()
    {
        var spec = Configured("hello.node = \"b\";");

        var (_, result) = new GeneratorHarness().WithSpec("cakeml_hello.camkes", spec).WithRemote().Run();

        Assert.Null(result.Exception);
        var error = Assert.Single(result.Diagnostics, d => d.Id == "ADL0021");
        Assert.Equal(10, error.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("Hello, Goodbye, HelloGoodbye", error.GetMessage());
    }

    [Fact]
    public void RPCCallNoType_with_one_procedure_is_an_ordinary_call()
    {
        var (output, result) = new GeneratorHarness()
            .WithSpec("echo.camkes", Specs.Echo.Replace("seL4RPCCall link", "seL4RPCCallNoType link", StringComparison.Ordinal))
            .WithCode("Usings.cs", Specs.Usings)
            .WithCode("Client.cs", Specs.ClientCode)
            .WithCode("Server.cs", Specs.ServerCode)
            .Run();

        Assert.Empty(result.Diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void A_builtin_hardware_connector_is_ADL0021_not_a_missing_user_template()
    {
        const string spec = """
            import <std_connector.camkes>;
            component Timer { hardware; dataport Buf mem; }
            component Driver { control; dataport Buf mem; }
            assembly {
                composition {
                    component Timer timer;
                    component Driver driver;
                    connection seL4HardwareMMIO mmio(from driver.mem, to timer.mem);
                }
            }
            """;

        var (_, result) = new GeneratorHarness().WithSpec("timer.camkes", spec).Run();

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("ADL0021", error.Id);
        Assert.Equal(7, error.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void A_global_components_connector_without_glue_is_ADL0021_not_a_request_for_templates()
    {
        const string spec = """
            import <std_connector.camkes>;
            import <global-connectors.camkes>;
            procedure PutChar { void putchar(in int c); };
            component SerialServer { provides PutChar processed_putchar; }
            component Client { control; uses PutChar putchar; }
            assembly {
                composition {
                    component SerialServer serial;
                    component Client client0;
                    connection seL4SerialServer serial_putchar(from client0.putchar, to serial.processed_putchar);
                }
            }
            """;

        var (_, result) = new GeneratorHarness().WithSpec("serial.camkes", spec).Run();

        Assert.Null(result.Exception);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("ADL0021", error.Id);
        Assert.Equal(9, error.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("comes from global-connectors.camkes", error.GetMessage(), StringComparison.Ordinal);
    }
}
