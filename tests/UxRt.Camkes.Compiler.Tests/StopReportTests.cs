using UxRt.Camkes.Runtime.Kernel;

namespace UxRt.Camkes.Compiler.Tests;

/// <summary>The stop report names a stuck handler of generated glue by the method the user wrote.</summary>
public sealed class StopReportTests
{
    private const string Spec = """
        import <std_connector.camkes>;
        procedure Gate { int pass_through(); };
        component Client { control; uses Gate gate; }
        component Server { provides Gate gate; }
        assembly {
            composition {
                component Client client;
                component Server server;
                connection seL4RPCCall gating(from client.gate, to server.gate);
            }
        }
        """;

    private const string Code = """
        namespace Demo;
        public static class Stuck
        {
            public static readonly System.Threading.ManualResetEventSlim Entered = new();
            public static readonly System.Threading.ManualResetEventSlim Release = new();
        }
        public sealed class Client : ClientBase { protected override void Run() => Gate.PassThrough(); }
        public sealed class Server : ServerBase
        {
            protected override int GatePassThrough()
            {
                Stuck.Entered.Set();
                Stuck.Release.Wait(System.TimeSpan.FromSeconds(60));
                return 1;
            }
        }
        """;

    [Fact]
    public void A_handler_that_does_not_return_is_named_by_its_generated_method()
    {
        var assembly = new GeneratorHarness().WithSpec("gating.camkes", Spec).WithCode("Usings.cs", Specs.Usings).WithCode("Components.cs", Code).Load();
        var stuck = assembly.GetType("Demo.Stuck")!;
        var entered = (ManualResetEventSlim)stuck.GetField("Entered")!.GetValue(null)!;
        var release = (ManualResetEventSlim)stuck.GetField("Release")!.GetValue(null)!;
        var create = assembly.GetType("Demo.GatingSystem")!.GetMethod("Create", [typeof(SystemContext)])!;
        var kernel = (SystemKernel)create.Invoke(null, [SystemContext.Standalone(new SystemOptions { ShutdownTimeout = TimeSpan.FromMilliseconds(100) })])!;
        try
        {
            kernel.Start();
            Assert.True(entered.Wait(TimeSpan.FromSeconds(60)), "the handler was not called");

            var report = kernel.Stop();

            Assert.Contains("server.gate (in Server.GatePassThrough)", report);
        }
        finally
        {
            release.Set();
            kernel.Dispose();
        }
    }
}
