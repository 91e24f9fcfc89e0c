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
        var urls = new Dictionary<string, Uri>
        {
            ["core"] = new($"http://127.0.0.1:{FreePort()}"),
            ["edge"] = new($"http://127.0.0.1:{FreePort()}"),
        };
        await using var core = new RemoteNode(Options("core", urls));
        await using var edge = new RemoteNode(Options("edge", urls));
        await core.StartAsync();
        await edge.StartAsync();
        using var coreKernel = Create("core", core);
        using var edgeKernel = Create("edge", edge);

        coreKernel.Start();
        core.Open();
        edgeKernel.Start();
        edge.Open();

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

    private static RemoteNodeOptions Options(string node, Dictionary<string, Uri> urls) =>
        new() { SystemName = "placed", Node = node, Urls = urls, Secret = "test-secret", CallDeadline = Bound };

    private static SystemKernel Create(string node, RemoteNode remote) =>
        (SystemKernel)Built.Value.GetType("Demo.PlacedSystem")!
            .GetMethod("Create", new[] { typeof(Microsoft.Extensions.Logging.ILogger), typeof(string), typeof(RemoteNode) })!
            .Invoke(null, new object?[] { null, node, remote })!;

    // Free when asked; the node binds it moments later.
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
