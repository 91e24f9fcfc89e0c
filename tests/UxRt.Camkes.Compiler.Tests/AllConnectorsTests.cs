using Microsoft.CodeAnalysis;

namespace UxRt.Camkes.Compiler.Tests;

/// <summary>
/// One spec that uses every connector with a code generator, every kind of component port and
/// the settings the glue reads; its generated glue must compile against the real runtime together
/// with component code that touches every generated member.
/// </summary>
public sealed class AllConnectorsTests
{
    private const string Spec = """
        import <std_connector.camkes>;
        import <uxrt_connector.camkes>;

        struct point { int x; int y; int values[4]; };
        struct reading { int sequence; double values[8]; };

        procedure Calc {
            int norm(in struct point p, out struct point q);
            int add(in int a, in int b);
            void swap(inout int x, inout int y);
            string echo(in string s, out int length, in int values[]);
            double measure(refin double v);
        };

        component Main {
            control;
            uses Calc direct;
            uses Calc rpc;
            uses Calc marshalled;
            emits Tick tick;
            emits Tick burst;
            consumes Tick ack;
            maybe consumes Tick never;
            dataport Buf(8192) buffer;
            maybe dataport Buf spare;
            dataport struct reading latest;
            has semaphore slots;
            has binary_semaphore gate;
            has mutex m;
            attribute string fault_policy = "restart";
            attribute string fault_handler;
        }

        component Worker {
            provides Calc direct;
            provides Calc rpc;
            provides Calc marshalled;
            consumes Tick tick;
            consumes Tick burst;
            emits Tick ack;
            dataport Buf(8192) buffer;
            dataport struct reading latest;
        }

        component Watch {
            consumes Tick tick;
        }

        assembly {
            composition {
                group g {
                    component Main main;
                    component Worker worker;
                }
                component Watch watch;
                connection seL4DirectCall d(from main.direct, to worker.direct);
                connection seL4RPCCall r(from main.rpc, to worker.rpc);
                connection seL4RPCDataport md(from main.marshalled, to worker.marshalled);
                connection seL4Notification t(from main.tick, to worker.tick, to watch.tick);
                connection seL4NotificationQueue q(from main.burst, to worker.burst);
                connection seL4NotificationNative a(from worker.ack, to main.ack);
                connection seL4SharedData l(from main.latest, to worker.latest);
                connection seL4SharedData b(from main.buffer, to worker.buffer);
            }
            configuration {
                main.slots_value = 2;
                main.gate_value = 1;
                main.priority = 100;
                main._stack_size = 1048576;
                main.affinity = 1;
                main.fault_handler = "watch";
                worker.rpc_priority = 250;
                worker.rpc_stack_size = 262144;
                worker.buffer_access = "R";
                main.tick_badge = 4;
            }
        }
        """;

    private const string Code = """
        using UxRt.Camkes.Runtime.Faults;
        namespace Demo;
        public sealed class Main : MainBase { protected override void Run() {
          Console.WriteLine(Direct.Add(1, 2) + " " + Rpc.Add(3, 4) + " " + Marshalled.Add(5, 6));
          int x = 1, y = 2; Marshalled.Swap(ref x, ref y); Console.WriteLine($"{x} {y}");
          Console.WriteLine(Marshalled.Echo("hi", out var len, new[] {1,2,3}) + len + " " + Marshalled.Measure(2.5));
          Slots.Wait(); Slots.Wait(); Gate.Wait(); using (M.EnterScope()) { }
          var pt = new Point { X = 3, Y = 4 }; pt.Values[2] = 5; Console.WriteLine("norm " + Rpc.Norm(pt, out var q) + " " + q.Values[2] + " " + Marshalled.Norm(pt, out var q2) + q2.X);
          Latest.WritableValue.Sequence = 7; Latest.WritableValue.Values[7] = 1.5;
          Buffer.WritableBytes[0] = 9; Buffer.Release(); Tick.Emit(); Burst.Emit(); Burst.Emit();
          Console.WriteLine("ack " + Ack.Wait(StopRequested) + " never? " + (Never is null) + " spare? " + (Spare is null));
        } }
        public sealed class Worker : WorkerBase {
          protected override void Init() { Tick.RegisterCallback(bits => { Buffer.Acquire(); Console.WriteLine($"tick {bits} {Buffer.Bytes[0]} latest {Latest.Value.Sequence} {Latest.Value.Values[7]} on {Thread.CurrentThread.Name}"); Ack.Emit(); }); }
          protected override int DirectNorm(Point p, out Point q) { q = p; return p.X * p.X + p.Y * p.Y; }
          protected override int DirectAdd(int a, int b) => a + b + SenderId * 0;
          protected override void DirectSwap(ref int x, ref int y) => (x, y) = (y, x);
          protected override string DirectEcho(string s, out int length, int[] values) { length = s.Length + values.Length; return s; }
          protected override double DirectMeasure(in double v) => v;
          protected override int RpcNorm(Point p, out Point q) { q = p; return p.X * p.X + p.Y * p.Y; }
          protected override int RpcAdd(int a, int b) => a + b;
          protected override void RpcSwap(ref int x, ref int y) => (x, y) = (y, x);
          protected override string RpcEcho(string s, out int length, int[] values) { length = s.Length; return s; }
          protected override double RpcMeasure(in double v) => v;
          protected override int MarshalledNorm(Point p, out Point q) { q = default; return 0; }
          protected override int MarshalledAdd(int a, int b) => a + b;
          protected override void MarshalledSwap(ref int x, ref int y) => (x, y) = (y, x);
          protected override string MarshalledEcho(string s, out int length, int[] values) { length = values.Sum(); return s + "!"; }
          protected override double MarshalledMeasure(in double v) => v * 2;
        }
        public sealed class Watch : WatchBase, IFaultHandler { public void HandleFault(FaultRecord f) => Console.WriteLine("watch saw " + f); }
        """;

    [Fact]
    public void Every_generated_type_is_marked_GeneratedCode_with_the_generators_version()
    {
        var (_, result) = new GeneratorHarness()
            .WithSpec("all.camkes", Spec)
            .WithCode("Usings.cs", Specs.Usings + "\nglobal using System.Threading;")
            .WithCode("Components.cs", Code)
            .Run();

        var types = result.GeneratedSources
            .SelectMany(source => source.SyntaxTree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax>())
            .ToList();
        Assert.NotEmpty(types);
        Assert.All(types, type => Assert.Contains(
            type.AttributeLists.SelectMany(list => list.Attributes),
            attribute => attribute.Name.ToString() == "global::System.CodeDom.Compiler.GeneratedCode"
                && attribute.ArgumentList!.Arguments[0].ToString() == "\"UxRt.Camkes\""));
    }

    [Fact]
    public void Glue_for_every_standard_connector_compiles_with_code_that_uses_it()
    {
        var (output, result) = new GeneratorHarness()
            .WithSpec("all.camkes", Spec)
            .WithCode("Usings.cs", Specs.Usings + "\nglobal using System.Threading;")
            .WithCode("Components.cs", Code)
            .Run();

        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        Assert.Contains(result.GeneratedSources, s => s.HintName == "AllSystem.g.cs");
        var errors = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
