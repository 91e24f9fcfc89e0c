using UxRt.Camkes.Runtime.Kernel;

namespace UxRt.Camkes.Compiler.Tests;

/// <summary>
/// seL4NotificationBind: the consumer's callbacks run on the interface thread of its provided
/// procedure, between calls; a consumer without exactly one such interface is ADL0320.
/// </summary>
public sealed class NotificationBindTests
{
    // The bind connection comes first: the kernel binds once every endpoint exists.
    private const string Spec = """
        import <std_connector.camkes>;

        procedure Gate { void enter(); };

        component Client { control; uses Gate gate; emits Ping ping; }
        component Server { provides Gate gate; consumes Ping ping; }

        assembly {
            composition {
                component Client client;
                component Server server;
                connection seL4NotificationBind bound(from client.ping, to server.ping);
                connection seL4RPCCall calls(from client.gate, to server.gate);
            }
            configuration {
                SETTINGS
            }
        }
        """;

    // Each ping is emitted before a call, so the last call's reply comes after every callback.
    private const string Code = """
        namespace Demo;
        public static class Journal
        {
            public static readonly System.Collections.Concurrent.ConcurrentQueue<string> Entries = new();
            private static int _inside;
            public static int Overlaps;
            public static void Enter(string what)
            {
                if (System.Threading.Interlocked.Increment(ref _inside) > 1) System.Threading.Interlocked.Increment(ref Overlaps);
                Entries.Enqueue(what + " on " + System.Threading.Thread.CurrentThread.Name);
                System.Threading.Thread.SpinWait(200);
                System.Threading.Interlocked.Decrement(ref _inside);
            }
        }
        public sealed class Client : ClientBase
        {
            protected override void Run()
            {
                for (var i = 0; i < 200; i++) { Ping.Emit(); Gate.Enter(); }
            }
        }
        public sealed class Server : ServerBase
        {
            protected override void Init() => Ping.RegisterCallback(_ => Journal.Enter("callback"));
            protected override void GateEnter() => Journal.Enter("call");
        }
        """;

    [Fact]
    public void Callbacks_run_on_the_servers_interface_thread_between_its_calls()
    {
        var assembly = Harness(string.Empty).Load();
        // Create(logger, node): no logger, and every node.
        using var kernel = (SystemKernel)assembly.GetType("Demo.BoundSystem")!.GetMethod("Create", [typeof(Microsoft.Extensions.Logging.ILogger), typeof(string)])!.Invoke(null, new object?[] { null, null })!;

        Assert.Equal(0, kernel.Run());

        var journal = (System.Collections.Concurrent.ConcurrentQueue<string>)assembly.GetType("Demo.Journal")!.GetField("Entries")!.GetValue(null)!;
        Assert.Equal(200, journal.Count(e => e.StartsWith("call ", StringComparison.Ordinal)));
        Assert.Contains("callback on server.gate", journal);
        Assert.All(journal, entry => Assert.EndsWith(" on server.gate", entry));
        Assert.Equal(0, (int)assembly.GetType("Demo.Journal")!.GetField("Overlaps")!.GetValue(null)!);
    }

    [Fact]
    public void The_wiring_names_the_interface_the_notification_is_bound_to()
    {
        var (output, result) = Harness(string.Empty).Run();

        Assert.Empty(result.Diagnostics);
        Assert.Contains(output.SyntaxTrees, t => t.ToString().Contains("kernel.CreateNotification(\"server\", \"ping\", global::UxRt.Camkes.Runtime.Notifications.NotificationMode.Coalescing, boundTo: \"gate\")", StringComparison.Ordinal));
    }

    [Fact]
    public void A_consumer_whose_only_interface_is_passive_is_an_error_at_the_bind_connection()
    {
        var (_, result) = Harness("server.gate_passive = true;").Run();

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("ADL0320", error.Id);
        Assert.Equal(11, error.Location.GetLineSpan().StartLinePosition.Line); // the bind connection (0-based)
        Assert.Contains("'gate' is passive", error.GetMessage());
        Assert.Contains("use seL4Notification", error.GetMessage());
    }

    [Fact]
    public void A_consumer_that_provides_nothing_or_only_a_direct_call_is_an_error()
    {
        var nothing = Spec.Replace("provides Gate gate; consumes", "maybe uses Gate spare; consumes")
            .Replace("connection seL4RPCCall calls(from client.gate, to server.gate);", "connection seL4RPCCall calls(from client.gate, to client2.gate);")
            .Replace("component Server server;", "component Server server;\n        component Callee client2;")
            .Replace("assembly {", "component Callee { provides Gate gate; }\n\nassembly {");
        var direct = Spec.Replace("connection seL4RPCCall", "connection seL4DirectCall");

        var (_, none) = new GeneratorHarness().WithSpec("bound.camkes", nothing.Replace("SETTINGS", string.Empty)).Run();
        var (_, plain) = new GeneratorHarness().WithSpec("bound.camkes", direct.Replace("SETTINGS", string.Empty)).Run();

        Assert.Contains("'server' provides no procedure", Assert.Single(none.Diagnostics, d => d.Id == "ADL0320").GetMessage());
        Assert.Contains("is served by seL4DirectCall", Assert.Single(plain.Diagnostics, d => d.Id == "ADL0320").GetMessage());
    }

    private static GeneratorHarness Harness(string settings) =>
        new GeneratorHarness()
            .WithSpec("bound.camkes", Spec.Replace("SETTINGS", settings))
            .WithCode("Usings.cs", Specs.Usings)
            .WithCode("Components.cs", Code);
}
