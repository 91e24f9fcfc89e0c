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
            configuration {
                SETTINGS
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

    // On a unicore server the handlers await a rendezvous that opens when three are inside at once
    // (one that gives up leaves it):
    // only lightweight interface threads that interleave on the one CPU can get there.
    private const string UnicoreCode = """
        namespace Demo;
        public static class Rendezvous
        {
            private static int _inside;
            private static readonly System.Threading.Tasks.TaskCompletionSource Open = new(System.Threading.Tasks.TaskCreationOptions.RunContinuationsAsynchronously);
            public static readonly System.Collections.Concurrent.ConcurrentBag<string?> Threads = new();
            public static async System.Threading.Tasks.Task<bool> ArriveAsync(System.TimeSpan bound)
            {
                if (System.Threading.Interlocked.Increment(ref _inside) == 3) Open.TrySetResult();
                try { await Open.Task.WaitAsync(bound); return true; }
                catch (System.TimeoutException) { System.Threading.Interlocked.Decrement(ref _inside); return false; }
            }
        }
        public sealed class Client : ClientBase { public int Result; protected override void Run() => Result = Gate.Enter(); }
        public sealed class Server : ServerBase
        {
            protected override async System.Threading.Tasks.ValueTask<int> GateEnterAsync()
            {
                Rendezvous.Threads.Add(System.Threading.Thread.CurrentThread.Name);
                var opened = await Rendezvous.ArriveAsync(System.TimeSpan.FromSeconds(THREADS == 3 ? 20 : 1));
                Rendezvous.Threads.Add(System.Threading.Thread.CurrentThread.Name);
                return opened ? 1 : 0;
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

    [Fact]
    public void Three_lightweight_threads_of_a_unicore_server_hold_three_calls_at_once_on_its_one_cpu()
    {
        var (results, threads) = RunWith(3, unicore: true);

        Assert.Equal(new[] { 1, 1, 1 }, results);
        // Before and after each await: always the CPU's one OS thread.
        Assert.Equal(6, threads.Length);
        Assert.Equal("server.cpu", Assert.Single(threads.Distinct()));
    }

    [Fact]
    public void Two_lightweight_threads_of_a_unicore_server_never_hold_three_calls_at_once()
    {
        var (results, _) = RunWith(2, unicore: true);

        Assert.Equal(new[] { 0, 0, 0 }, results);
    }

    [Fact]
    public void Threads_on_a_passive_interface_are_a_warning_at_its_passive_setting()
    {
        var (_, result) = new GeneratorHarness()
            .WithSpec("gate.camkes", Spec.Replace("THREADS", "3").Replace("SETTINGS", "server.gate_passive = true;"))
            .Run();

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("ADL0321", warning.Id);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(Spec.Split('\n').ToList().FindIndex(line => line.Contains("SETTINGS", StringComparison.Ordinal)), warning.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("with 3 threads", warning.GetMessage());
        Assert.Contains("has no effect", warning.GetMessage());
    }

    private static (int[] Results, string?[] Threads) RunWith(int threads, bool unicore = false)
    {
        var assembly = Harness(threads, unicore).Load();
        // Create(logger, node): no logger, and every node.
        using var kernel = (SystemKernel)assembly.GetType("Demo.GateSystem")!.GetMethod("Create", [typeof(Microsoft.Extensions.Logging.ILogger), typeof(string)])!.Invoke(null, new object?[] { null, null })!;
        Assert.Equal(0, kernel.Run());
        var results = new[] { "a", "b", "c" }.Select(name => (int)((dynamic)kernel.GetInstance<Runtime.Components.Component>(name)).Result).ToArray();
        var names = (System.Collections.Concurrent.ConcurrentBag<string?>)assembly.GetType("Demo.Rendezvous")!.GetField("Threads")!.GetValue(null)!;
        return (results, names.ToArray());
    }

    private static GeneratorHarness Harness(int threads, bool unicore = false)
    {
        var count = threads.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new GeneratorHarness()
            .WithSpec("gate.camkes", Spec.Replace("THREADS", count).Replace("SETTINGS", unicore ? "server.threading = \"unicore\";" : string.Empty))
            .WithCode("Usings.cs", Specs.Usings)
            .WithCode("Components.cs", (unicore ? UnicoreCode : Code).Replace("THREADS", count));
    }
}
