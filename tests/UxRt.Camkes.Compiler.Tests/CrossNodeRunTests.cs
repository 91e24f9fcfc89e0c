using System.Net;
using System.Net.Sockets;
using System.Reflection;
using UxRt.Camkes.Remote;
using UxRt.Camkes.Runtime.Components;
using UxRt.Camkes.Runtime.Kernel;

namespace UxRt.Camkes.Compiler.Tests;

/// <summary>
/// The generated cross-node wiring at work: the two nodes of <see cref="CrossNodeEmissionTests.Spec"/>
/// built apart in this process, each with its own RemoteNode on loopback, call and signal each other
/// as the whole system does in one kernel.
/// </summary>
public sealed class CrossNodeRunTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static readonly Lazy<Assembly> Built = new(() => CrossNodeEmissionTests.Harness(remote: true).Load());

    [Fact]
    public async Task Two_nodes_built_apart_call_and_signal_each_other_through_their_RemoteNodes()
    {
        await using var nodes = await TwoNodes.StartAsync(Built.Value, "Demo.PlacedSystem", "placed");
        var (coreKernel, edgeKernel) = (nodes.Core, nodes.Edge);

        Assert.True(edgeKernel.WaitForControlThreads(Bound), "the edge node's control threads did not return");
        Assert.True(coreKernel.WaitForControlThreads(Bound), "the core node's control threads did not return");
        dynamic client = edgeKernel.GetInstance<Component>("client");
        dynamic fast = edgeKernel.GetInstance<Component>("fast");
        dynamic local = coreKernel.GetInstance<Component>("local");
        dynamic server = coreKernel.GetInstance<Component>("server");
        Assert.Equal(5, (int)client.Total);
        Assert.Equal("abc!", (string)client.Named);
        Assert.Equal(3, (int)client.Length);
        Assert.Equal(3, (int)fast.Sum);
        Assert.Equal(5, (int)local.Total);
        // The badges crossed with the calls: each client is told apart as in one process.
        Assert.Equal(new[] { 1, 2, 3 }, ((IEnumerable<int>)server.Senders).Order());
        Assert.Empty(coreKernel.Faults);
        Assert.Empty(edgeKernel.Faults);
    }

    [Fact]
    public async Task A_unicore_server_serves_callers_on_another_node_on_its_virtual_cpu()
    {
        const string spec = """
            import <std_connector.camkes>;
            procedure Calc { int add(in int a, in int b); };
            component Client { control; uses Calc calc; }
            component Server { provides Calc calc; }
            assembly {
                composition {
                    component Client client;
                    component Server server;
                    connection seL4RPCCall calls(from client.calc, to server.calc);
                }
                configuration { client.node = "edge"; server.node = "core"; server.threading = "unicore"; }
            }
            """;
        const string code = """
            using System.Threading.Tasks;
            namespace Demo;
            public sealed class Client : ClientBase { public int Total; protected override void Run() => Total = Calc.Add(20, 22); }
            public sealed class Server : ServerBase
            {
                protected override async ValueTask<int> CalcAddAsync(int a, int b)
                {
                    await Task.Yield();
                    return a + b;
                }
            }
            """;
        var (_, result) = new GeneratorHarness().WithRemote().WithSpec("unicore.camkes", spec).WithCode("Components.cs", code).Run();
        Assert.Empty(result.Diagnostics);
        Assert.Contains("new CalcRpcDataportAsyncServer(server.ProvidedCalc)", result.GeneratedSources.Single(s => s.HintName == "UnicoreSystem.g.cs").SourceText.ToString());
        var built = new GeneratorHarness().WithRemote().WithSpec("unicore.camkes", spec).WithCode("Components.cs", code).Load();

        await using var nodes = await TwoNodes.StartAsync(built, "Demo.UnicoreSystem", "unicore");
        var (coreKernel, edgeKernel) = (nodes.Core, nodes.Edge);

        Assert.True(edgeKernel.WaitForControlThreads(Bound), "the edge node's control thread did not return");
        dynamic client = edgeKernel.GetInstance<Component>("client");
        Assert.Equal(42, (int)client.Total);
        Assert.Empty(coreKernel.Faults);
        Assert.Empty(edgeKernel.Faults);
    }

    /// <summary>Nodes "core" and "edge" of one generated system, each built by its <c>Create(logger, node, remote)</c> with a RemoteNode of its own, started as NodeHost starts them.</summary>
    private sealed class TwoNodes : IAsyncDisposable
    {
        private readonly RemoteNode _core;
        private readonly RemoteNode _edge;

        private TwoNodes(RemoteNode core, RemoteNode edge)
        {
            _core = core;
            _edge = edge;
        }

        public SystemKernel Core { get; private set; } = null!;

        public SystemKernel Edge { get; private set; } = null!;

        public static async Task<TwoNodes> StartAsync(Assembly built, string systemClass, string systemName)
        {
            var urls = new Dictionary<string, Uri>
            {
                ["core"] = new($"http://127.0.0.1:{FreePort()}"),
                ["edge"] = new($"http://127.0.0.1:{FreePort()}"),
            };
            RemoteNodeOptions Options(string node) => new() { SystemName = systemName, Node = node, Urls = urls, Secret = "test-secret", CallDeadline = Bound };
            var nodes = new TwoNodes(new RemoteNode(Options("core")), new RemoteNode(Options("edge")));
            var create = built.GetType(systemClass)!.GetMethod("Create", new[] { typeof(Microsoft.Extensions.Logging.ILogger), typeof(string), typeof(RemoteNode) })!;
            await nodes._core.StartAsync();
            await nodes._edge.StartAsync();
            nodes.Core = (SystemKernel)create.Invoke(null, new object?[] { null, "core", nodes._core })!;
            nodes.Edge = (SystemKernel)create.Invoke(null, new object?[] { null, "edge", nodes._edge })!;
            nodes.Core.Start();
            nodes._core.Open();
            nodes.Edge.Start();
            nodes._edge.Open();
            return nodes;
        }

        public async ValueTask DisposeAsync()
        {
            Edge?.Dispose();
            Core?.Dispose();
            await _edge.DisposeAsync();
            await _core.DisposeAsync();
        }
    }

    // Free when asked; the node binds it moments later.
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
