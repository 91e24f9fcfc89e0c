using Microsoft.CodeAnalysis;

namespace UxRt.Camkes.Compiler.Tests;

/// <summary>
/// A unicore component's glue differs from a native one's: awaitable uses ends, awaitable
/// handlers, a control thread that is a lightweight thread, and the marker the analyzer reads.
/// Each test would fail if the generator emitted native glue for a unicore instance.
/// </summary>
public sealed class UnicoreEmissionTests
{
    private const string Spec = """
        import <std_connector.camkes>;
        import <uxrt_connector.camkes>;

        procedure Calc {
            int add(in int a, in int b, out int carry);
            void ping();
            void swap(inout int x, out int y);
        };

        component Client { control; uses Calc frame; uses Calc marshalled; uses Calc native; }
        component Server { provides Calc calc; provides Calc calc2; }
        component Plain { provides Calc calc; }

        assembly {
            composition {
                component Client client;
                component Server server;
                component Plain plain;
                connection seL4RPCCall one(from client.frame, to server.calc);
                connection seL4RPCDataport two(from client.marshalled, to server.calc2);
                connection seL4RPCCall three(from client.native, to plain.calc);
            }
            configuration {
                client.threading = "unicore";
                server.threading = "unicore";
                server.cpu_hold_limit_ms = 250;
            }
        }
        """;

    private const string Code = """
        using System.Threading.Tasks;

        namespace Demo;

        public sealed class Client : ClientBase
        {
            protected override async Task RunAsync()
            {
                CalcAddResult sum = await Frame.AddAsync(1, 2);
                await Marshalled.PingAsync();
                CalcSwapResult swapped = await Marshalled.SwapAsync(sum.ReturnValue + sum.Carry);
                _ = await Native.AddAsync(swapped.X, swapped.Y);
            }
        }

        public sealed class Server : ServerBase
        {
            protected override async ValueTask<CalcAddResult> CalcAddAsync(int a, int b)
            {
                await Task.Yield();
                return new CalcAddResult(a + b, 0);
            }

            protected override ValueTask CalcPingAsync() => default;

            protected override ValueTask<CalcSwapResult> CalcSwapAsync(int x) => new(new CalcSwapResult(0, x));

            protected override ValueTask<CalcAddResult> Calc2AddAsync(int a, int b) => new(new CalcAddResult(a + b, 0));

            protected override ValueTask Calc2PingAsync() => default;

            protected override ValueTask<CalcSwapResult> Calc2SwapAsync(int x) => new(new CalcSwapResult(0, x));
        }

        public sealed class Plain : PlainBase
        {
            protected override int CalcAdd(int a, int b, out int carry)
            {
                carry = 0;
                return a + b;
            }

            protected override void CalcPing()
            {
            }

            protected override void CalcSwap(ref int x, out int y) => y = x;
        }
        """;

    private static (Compilation Output, GeneratorRunResult Result) Run() =>
        new GeneratorHarness().WithSpec("uni.camkes", Spec).WithCode("Components.cs", Code).Run();

    private static string Source(GeneratorRunResult result, string hintName) =>
        result.GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    [Fact]
    public void Unicore_components_compile_with_awaitable_ends_and_handlers()
    {
        var (output, result) = Run();

        Assert.Empty(result.Diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Each_end_gets_the_glue_of_its_own_threading_model()
    {
        var (_, result) = Run();
        var system = Source(result, "UniSystem.g.cs");

        // Unicore caller → unicore server, over a frame and over a dataport: awaitable on both ends.
        Assert.Contains("new CalcRpcAsyncServer(server.ProvidedCalc)", system);
        Assert.Contains("client.ConnectFrame(new CalcRpcAsyncClient(", system);
        Assert.Contains("new CalcRpcDataportAsyncServer(server.ProvidedCalc2)", system);
        Assert.Contains("client.ConnectMarshalled(new CalcRpcDataportAsyncClient(", system);

        // Unicore caller → native server: the caller awaits, the server blocks as native code may.
        Assert.Contains("new CalcRpcServer(plain.ProvidedCalc)", system);
        Assert.Contains("client.ConnectNative(new CalcRpcAsyncClient(", system);
        Assert.Contains("UnicoreThreadingModel(\"server\", holdLimit: global::System.TimeSpan.FromMilliseconds(250))", system);
        Assert.DoesNotContain("UnicoreThreadingModel(\"plain\"", system);
    }

    [Fact]
    public void A_unicore_base_class_is_marked_awaits_its_calls_and_runs_its_control_thread_as_a_task()
    {
        var (output, _) = Run();
        bool IsUnicore(string type) => output.GetTypeByMetadataName(type)!.GetAttributes().Any(a => a.AttributeClass?.Name == "UnicoreComponentAttribute");

        Assert.True(IsUnicore("Demo.ClientBase"));
        Assert.Equal("protected abstract Task RunAsync()", Signatures.Of(output, "Demo.ClientBase", "RunAsync"));
        Assert.Equal("ICalcAsync", output.GetTypeByMetadataName("Demo.ClientBase")!.GetMembers("Frame").OfType<Microsoft.CodeAnalysis.IPropertySymbol>().Single().Type.Name);
        Assert.Equal("protected abstract ValueTask<CalcAddResult> CalcAddAsync(int a, int b)", Signatures.Of(output, "Demo.ServerBase", "CalcAddAsync"));
        Assert.False(IsUnicore("Demo.PlainBase"));
        Assert.Equal("protected abstract int CalcAdd(int a, int b, out int carry)", Signatures.Of(output, "Demo.PlainBase", "CalcAdd"));
    }

    [Fact]
    public void Out_and_inout_values_come_back_in_a_result_type()
    {
        var (output, _) = Run();
        string Members(string type)
        {
            var result = output.GetTypeByMetadataName(type)!;
            Assert.True(result.IsRecord && result.IsReadOnly && result.IsValueType, $"{type} is not a readonly record struct");
            return string.Join(", ", result.InstanceConstructors.Single(c => c.Parameters.Length > 0 && !(c.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(c.Parameters[0].Type, result))).Parameters.Select(p => $"{p.Type} {p.Name}"));
        }

        Assert.Equal("ValueTask<CalcAddResult> AddAsync(int a, int b)", Signatures.Of(output, "Demo.ICalcAsync", "AddAsync"));
        Assert.Equal("ValueTask<CalcSwapResult> SwapAsync(int x)", Signatures.Of(output, "Demo.ICalcAsync", "SwapAsync"));
        Assert.Equal("int ReturnValue, int Carry", Members("Demo.CalcAddResult"));
        Assert.Equal("int X, int Y", Members("Demo.CalcSwapResult"));
    }

    [Fact]
    public void Instances_of_one_component_that_differ_in_threading_are_an_error_at_the_setting()
    {
        var spec = Spec
            .Replace("component Plain plain;", "component Plain plain;\n        component Server other;")
            .Replace("server.cpu_hold_limit_ms = 250;", "server.cpu_hold_limit_ms = 250;\n        other.threading = \"native\";");
        var (_, result) = new GeneratorHarness().WithSpec("uni.camkes", spec).Run();

        var error = Assert.Single(result.Diagnostics, d => d.Id == "ADL0027");
        Assert.Contains("'other'", error.GetMessage());
    }
}
