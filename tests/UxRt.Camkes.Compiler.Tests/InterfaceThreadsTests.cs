using UxRt.Camkes.Runtime.Kernel;

namespace UxRt.Camkes.Compiler.Tests;

/// <summary>
/// <c>to Procedure with N threads</c>: the server's interface is served by N interface threads, so
/// N calls are inside its handler at once.
/// </summary>
public sealed class InterfaceThreadsTests
{
    private const string Spec = """
        import <std_connector.camkes>;

        procedure Gate { int enter(); };

        connector seL4RPCCallThreads {
            from Procedures with 0 threads;
            to Procedure with THREADS threads;
        }

        component Client { control; uses Gate gate; }
        component Server { provides Gate gate; }

        assembly {
            composition {
                component Client a;
                component Client b;
                component Client c;
                component Server server;
                connection seL4RPCCallThreads pool(from a.gate, from b.gate, from c.gate, to server.gate);
            }
        }
        """;

    // Each handler waits at a barrier that opens only when three handlers are inside at once; the
    // wait is bounded, so with fewer interface threads the calls return 0 instead of hanging.
    private const string Code = """
        namespace Demo;
        public static class Rendezvous
        {
            public static readonly System.Threading.Barrier Barrier = new(3);
            public static readonly System.Collections.Concurrent.ConcurrentBag<string?> Threads = new();
        }
        public sealed class Client : ClientBase { public int Result; protected override void Run() => Result = Gate.Enter(); }
        public sealed class Server : ServerBase
        {
            protected override int GateEnter()
            {
                Rendezvous.Threads.Add(System.Threading.Thread.CurrentThread.Name);
                return Rendezvous.Barrier.SignalAndWait(System.TimeSpan.FromSeconds(THREADS == 3 ? 20 : 1)) ? 1 : 0;
            }
        }
        """;

    [Fact]
    public void Three_threads_serve_three_calls_at_once()
    {
        var (results, threads) = RunWith(3);

        Assert.Equal(new[] { 1, 1, 1 }, results);
        Assert.Equal(3, threads.Distinct().Count());
    }

    [Fact]
    public void Two_threads_never_hold_three_calls_at_once()
    {
        // The control: with one thread short, no handler ever sees the barrier open.
        var (results, _) = RunWith(2);

        Assert.Equal(new[] { 0, 0, 0 }, results);
    }

    [Fact]
    public void The_wiring_passes_the_thread_count_to_the_kernel()
    {
        var (output, result) = Harness(4).Run();

        Assert.Empty(result.Diagnostics);
        Assert.Contains(output.SyntaxTrees, t => t.ToString().Contains("\"server\", \"gate\"", StringComparison.Ordinal) && t.ToString().Contains("threads: 4", StringComparison.Ordinal));
    }

    private static (int[] Results, string?[] Threads) RunWith(int threads)
    {
        var assembly = Harness(threads).Load();
        // Create(logger, node): no logger, and every node.
        using var kernel = (SystemKernel)assembly.GetType("Demo.GateSystem")!.GetMethod("Create")!.Invoke(null, new object?[] { null, null })!;
        Assert.Equal(0, kernel.Run());
        var results = new[] { "a", "b", "c" }.Select(name => (int)((dynamic)kernel.GetInstance<Runtime.Components.Component>(name)).Result).ToArray();
        var names = (System.Collections.Concurrent.ConcurrentBag<string?>)assembly.GetType("Demo.Rendezvous")!.GetField("Threads")!.GetValue(null)!;
        return (results, names.ToArray());
    }

    private static GeneratorHarness Harness(int threads) =>
        new GeneratorHarness()
            .WithSpec("gate.camkes", Spec.Replace("THREADS", threads.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .WithCode("Usings.cs", Specs.Usings)
            .WithCode("Components.cs", Code.Replace("THREADS", threads.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
