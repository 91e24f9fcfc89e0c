using Microsoft.CodeAnalysis;
using UxRt.Camkes.Runtime.Kernel;

namespace UxRt.Camkes.Compiler.Tests;

/// <summary>
/// <c>conn.buffer = "d";</c> on an seL4RPCCall connection (CAmkES's RPC over a dataport): the client
/// glue counts each call against the dataport's size and hands one that does not fit to the
/// component's error handler; a discarded call leaves out values at their defaults and inout ones as they were.
/// </summary>
public sealed class CallBufferEmissionTests
{
    private const string Spec = """
        import <std_connector.camkes>;

        procedure P {
            int put(in string s, out int written, inout int calls, in int values[]);
        };

        component Client {
            control;
            uses P p;
            dataport Buf(64) d;
        }

        component Server {
            provides P p;
            dataport Buf(64) d;
        }

        assembly {
            composition {
                component Client client;
                component Server server;
                connection seL4RPCCall c(from client.p, to server.p);
                connection seL4SharedData d(from client.d, to server.d);
            }
            configuration {
                c.buffer = "d";
            }
        }
        """;

    private const string Code = """
        using UxRt.Camkes.Runtime.Errors;
        namespace Demo;
        public sealed class Client : ClientBase {
          public string Seen = "";
          protected override void Run() {
            var calls = 0;
            // 10 chars + NUL, 4 for the inout int, 4 + 2 * 4 for the array: 27 of 64 bytes.
            var fits = P.Put(new string('x', 10), out var written, ref calls, new[] { 1, 2 });
            CamkesError? error = null;
            CamkesErrors.RegisterErrorHandler(P, e => { error = e; return CamkesErrorAction.Discard; });
            var discarded = P.Put(new string('x', 60), out var written2, ref calls, new[] { 1, 2 });
            Seen = $"{fits} {written} {calls} | {discarded} {written2} {calls} {error!.Type} {error.Length}/{error.Capacity}";
          }
        }
        public sealed class Server : ServerBase {
          protected override int P_Put(string s, out int written, ref int calls, int[] values) { written = s.Length; calls++; return values.Sum(); }
        }
        """;

    [Fact]
    public void A_call_that_does_not_fit_the_dataport_goes_to_the_handler_and_not_to_the_server()
    {
        // 60 chars + NUL + 4 + 12 = 77 bytes do not fit 64: discarded before the server, so calls stays 1.
        Assert.Equal("3 10 1 | 0 0 1 BufferLengthExceeded 77/64", ClientSaw(Spec, Code));
    }

    [Fact]
    public void A_unicore_clients_awaited_call_that_does_not_fit_goes_to_the_handler_too()
    {
        var spec = Spec
            .Replace("int put(in string s, out int written, inout int calls, in int values[]);", "int put(in string s);", StringComparison.Ordinal)
            .Replace("c.buffer = \"d\";", "c.buffer = \"d\";\n                client.threading = \"unicore\";", StringComparison.Ordinal);
        const string code = """
            using System.Threading.Tasks;
            using UxRt.Camkes.Runtime.Errors;
            namespace Demo;
            public sealed class Client : ClientBase {
              public string Seen = "";
              protected override async Task RunAsync() {
                var fits = await P.PutAsync(new string('x', 10));
                CamkesError? error = null;
                CamkesErrors.RegisterErrorHandler(P, e => { error = e; return CamkesErrorAction.Discard; });
                var discarded = await P.PutAsync(new string('x', 70));
                Seen = $"{fits} | {discarded} {error!.Type} {error.Length}/{error.Capacity}";
              }
            }
            public sealed class Server : ServerBase {
              protected override int P_Put(string s) => s.Length;
            }
            """;
        // 70 chars + NUL = 71 bytes do not fit 64: discarded before the server, the result left at its default.
        Assert.Equal("10 | 0 BufferLengthExceeded 71/64", ClientSaw(spec, code));
    }

    // Generates the system (with no warning anywhere), runs it to its end and returns what the client recorded.
    private static string ClientSaw(string spec, string code)
    {
        var harness = new GeneratorHarness()
            .WithSpec("buffered.camkes", spec)
            .WithCode("Usings.cs", Specs.Usings)
            .WithCode("Components.cs", code);
        var (output, result) = harness.Run();
        var errors = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Empty(result.Diagnostics);

        var assembly = harness.Load();
        using var kernel = (SystemKernel)assembly.GetType("Demo.BufferedSystem")!.GetMethod("Create", [typeof(Microsoft.Extensions.Logging.ILogger), typeof(string)])!.Invoke(null, new object?[] { null, null })!;
        Assert.Equal(0, kernel.Run());
        dynamic client = kernel.GetInstance<Runtime.Components.Component>("client");
        return (string)client.Seen;
    }
}
