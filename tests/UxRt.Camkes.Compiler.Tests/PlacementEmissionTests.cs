using Microsoft.CodeAnalysis;

namespace UxRt.Camkes.Compiler.Tests;

/// <summary>
/// <c>affinity</c>, <c>priority</c> and <c>migratable</c> reach the runtime: the control thread (a
/// unicore instance's virtual CPU) and each interface thread get them in their ThreadSettings.
/// </summary>
public sealed class PlacementEmissionTests
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
                component Client pinned;
                component Server fixed;
                connection seL4RPCCall one(from client.calc, to server.calc);
                connection seL4RPCCall two(from pinned.calc, to fixed.calc);
            }
            configuration {
                client.threading = "unicore";
                pinned.threading = "unicore";
                client.affinity = 0;
                client.migratable = true;
                pinned.affinity = 1;
                server.affinity = 0;
                server.calc_migratable = true;
                server.calc_priority = 200;
                fixed.affinity = 1;
                fixed.migratable = true;
                fixed.calc_migratable = false;
            }
        }
        """;

    private const string Code = """
        using System.Threading.Tasks;
        namespace Demo;
        public sealed class Client : ClientBase { protected override async Task RunAsync() => await Calc.AddAsync(1, 2); }
        public sealed class Server : ServerBase { protected override int CalcAdd(int a, int b) => a + b; }
        """;

    [Fact]
    public void Affinity_priority_and_migratable_reach_the_thread_settings_and_the_glue_compiles()
    {
        var (output, result) = new GeneratorHarness().WithSpec("placed.camkes", Spec).WithCode("Components.cs", Code).Run();

        Assert.Empty(result.Diagnostics);
        var errors = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var system = result.GeneratedSources.Single(s => s.HintName == "PlacedSystem.g.cs").SourceText.ToString();
        Assert.Contains("ControlThread = new global::UxRt.Camkes.Runtime.Threading.ThreadSettings(Affinity: 0, Migratable: true)", system);
        Assert.Contains("ControlThread = new global::UxRt.Camkes.Runtime.Threading.ThreadSettings(Affinity: 1)", system);
        Assert.Contains("new global::UxRt.Camkes.Runtime.Threading.ThreadSettings(Priority: 200, Affinity: 0, Migratable: true)", system);
        Assert.Contains("ControlThread = new global::UxRt.Camkes.Runtime.Threading.ThreadSettings(Affinity: 1, Migratable: true)", system);
        Assert.Contains("kernel.Serve(\"fixed\", \"calc\", new CalcRpcServer(fixed.ProvidedCalc), new global::UxRt.Camkes.Runtime.Threading.ThreadSettings(Affinity: 1))", system.Replace("@fixed", "fixed"));
    }
}
