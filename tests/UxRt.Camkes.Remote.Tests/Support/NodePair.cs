using Microsoft.Extensions.Logging;
using UxRt.Camkes.Remote.Glue;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Notifications;

namespace UxRt.Camkes.Remote.Tests.Support;

/// <summary>
/// Two nodes of one system in this process, on loopback: "core" serves the calculator (on its own
/// interface thread) to "edge". Each node listens on a port of its own, picked free by the system.
/// </summary>
internal sealed class NodePair : IAsyncDisposable
{
    public const string System = "Pair";
    public const string Connection = "edge_calc";
    public const string EventConnection = "edge_events";

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

    /// <summary>The managed thread id of the calculator's interface thread.</summary>
    public int InterfaceThreadId => _interfaceThread!.ManagedThreadId;

    /// <summary>The target of edge's notifications on core (its bits: edge's emitters' badges 1, 2, 4 and 8).</summary>
    public Notification? Events { get; private set; }

    /// <summary>Starts both nodes: "core" serves the calculator to edge (badges 7 and 9) and lets requests in once <paramref name="openCore"/> (or <see cref="RemoteNode.Open"/>).</summary>
    public static async Task<NodePair> StartAsync(Func<string, RemoteNodeOptions, RemoteNodeOptions>? adjust = null, ILoggerFactory? loggerFactory = null, bool openCore = true, string scheme = "http")
    {
        var urls = new Dictionary<string, Uri>
        {
            ["core"] = new($"{scheme}://127.0.0.1:{LoopbackPort.Free()}"),
            ["edge"] = new($"{scheme}://127.0.0.1:{LoopbackPort.Free()}"),
        };
        var pair = new NodePair(urls, adjust, loggerFactory);
        await pair.StartCoreAsync(openCore);

        pair.Edge = new RemoteNode(pair.Options("edge"), loggerFactory);
        await pair.Edge.StartAsync();
        pair.Edge.Open();
        return pair;
    }

    public RemoteNodeOptions Options(string node) =>
        Adjust(node, new RemoteNodeOptions { SystemName = System, Node = node, Urls = Urls, Secret = "test-secret", CallDeadline = TimeSpan.FromSeconds(5) });

    /// <summary>Starts (or restarts) "core" on its port, serving the calculator to edge's badges 7 and 9; requests wait until it is <paramref name="open"/>.</summary>
    public async Task StartCoreAsync(bool open = true)
    {
        Core = new RemoteNode(Options("core"), LoggerFactory);
        await Core.StartAsync();
        Served = new ThreadedEndpoint("calc", "calc", Dispatcher);
        _interfaceThread = new Thread(Served.Serve) { IsBackground = true, Name = "calc.calc" };
        _interfaceThread.Start();
        Core.ExportEndpoint(Connection, "calc", "calc", Served, new RemoteCaller("edge", 7), new RemoteCaller("edge", 9));
        Events = new Notification("sink", "ev");
        Core.ExportNotification(EventConnection, "sink", "ev", Events, new RemoteCaller("edge", 1), new RemoteCaller("edge", 2), new RemoteCaller("edge", 4), new RemoteCaller("edge", 8));
        if (open)
        {
            Core.Open();
        }
    }

    /// <summary>Stops "core" as a killed process would: it stops listening and serving.</summary>
    public async Task StopCoreAsync()
    {
        await Core.DisposeAsync();
        Served?.Close();
        Assert.True(_interfaceThread?.Join(Bounded.Wait) ?? true, "the interface thread did not stop");
    }

    public Notification ImportEvents() => Edge.ImportNotification(EventConnection, "core", "sink", "ev");

    public Endpoint Import() => Edge.ImportEndpoint(Connection, "core", "calc", "calc", Calculator.MethodNames);

    public async ValueTask DisposeAsync()
    {
        await Edge.DisposeAsync();
        await StopCoreAsync();
    }
}
