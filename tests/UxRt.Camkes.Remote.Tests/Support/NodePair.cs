using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using UxRt.Camkes.Runtime.Rpc;

namespace UxRt.Camkes.Remote.Tests.Support;

/// <summary>
/// Two nodes of one system in this process, on loopback: "core" serves the calculator (on its own
/// interface thread) to "edge". Each node listens on a port of its own, picked free by the system.
/// </summary>
internal sealed class NodePair : IAsyncDisposable
{
    public const string System = "Pair";
    public const string Connection = "edge_calc";

    private Thread? _interfaceThread;

    private NodePair(Dictionary<string, Uri> urls, Func<string, RemoteNodeOptions, RemoteNodeOptions>? adjust, ILoggerFactory? loggerFactory)
    {
        Urls = urls;
        Adjust = adjust ?? ((_, options) => options);
        LoggerFactory = loggerFactory;
    }

    public Dictionary<string, Uri> Urls { get; }

    public Func<string, RemoteNodeOptions, RemoteNodeOptions> Adjust { get; }

    public ILoggerFactory? LoggerFactory { get; }

    public RemoteNode Core { get; private set; } = null!;

    public RemoteNode Edge { get; private set; } = null!;

    public CalculatorDispatcher Dispatcher { get; } = new();

    public ThreadedEndpoint? Served { get; private set; }

    /// <summary>Starts both nodes; "edge" (badges 7 and 9) may call; "core" serves unless <paramref name="startCore"/> is false.</summary>
    public static async Task<NodePair> StartAsync(Func<string, RemoteNodeOptions, RemoteNodeOptions>? adjust = null, ILoggerFactory? loggerFactory = null, bool startCore = true, string scheme = "http")
    {
        var urls = new Dictionary<string, Uri>
        {
            ["core"] = new($"{scheme}://127.0.0.1:{FreePort()}"),
            ["edge"] = new($"{scheme}://127.0.0.1:{FreePort()}"),
        };
        var pair = new NodePair(urls, adjust, loggerFactory);
        if (startCore)
        {
            await pair.StartCoreAsync();
        }

        pair.Edge = new RemoteNode(pair.Options("edge"), loggerFactory);
        await pair.Edge.StartAsync();
        pair.Edge.Open();
        return pair;
    }

    public RemoteNodeOptions Options(string node) =>
        Adjust(node, new RemoteNodeOptions { SystemName = System, Node = node, Urls = Urls, Secret = "test-secret", CallDeadline = TimeSpan.FromSeconds(5) });

    /// <summary>Starts (or restarts) "core" on its port, serving the calculator to edge's badges 7 and 9.</summary>
    public async Task StartCoreAsync()
    {
        Core = new RemoteNode(Options("core"), LoggerFactory);
        await Core.StartAsync();
        Served = new ThreadedEndpoint("calc", "calc", Dispatcher);
        _interfaceThread = new Thread(Served.Serve) { IsBackground = true, Name = "calc.calc" };
        _interfaceThread.Start();
        Core.ExportEndpoint(Connection, "calc", "calc", Served, new RemoteCaller("edge", 7), new RemoteCaller("edge", 9));
        Core.Open();
    }

    /// <summary>Stops "core" as a killed process would: it stops listening and serving.</summary>
    public async Task StopCoreAsync()
    {
        await Core.DisposeAsync();
        Served?.Close();
        Assert.True(_interfaceThread?.Join(Bounded.Wait) ?? true, "the interface thread did not stop");
    }

    public Endpoint Import() => Edge.ImportEndpoint(Connection, "core", "calc", "calc", Calculator.MethodNames);

    public async ValueTask DisposeAsync()
    {
        await Edge.DisposeAsync();
        await StopCoreAsync();
    }

    // The port is free when asked; the node binds it moments later, which is as close as a test on a shared machine gets.
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
