using System.Collections.Concurrent;
using System.ComponentModel;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using UxRt.Camkes.Remote.Glue;
using UxRt.Camkes.Remote.Protocol;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Notifications;

namespace UxRt.Camkes.Remote;

/// <summary>
/// This process's node: serves the connection ends placed here to other nodes, and reaches the
/// ends placed on other nodes. Created by <see cref="NodeHost"/> (or by a test), handed to the
/// generated <c>Create</c>. Lifecycle: <see cref="StartAsync"/> listens, the generated system
/// exports and imports its ends, <see cref="Open"/> lets calls in once the kernel has started,
/// <see cref="LeaveAsync"/> tells the nodes it imports from that it is done, and
/// <see cref="DisposeAsync"/> stops forwarding, calling and listening.
/// </summary>
public sealed class RemoteNode : IAsyncDisposable
{
    private readonly RemoteNodeOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, ExportedEndpoint> _endpoints = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ExportedNotification> _notifications = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _importersPresent = new(StringComparer.Ordinal);
    private readonly List<RemoteEndpoint> _imports = new();
    private readonly List<Task> _forwarders = new();
    private readonly ConcurrentDictionary<string, byte> _importedFrom = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _finish = new();
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _importersLeft = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private NodeServer? _server;
    private int _disposed;

    /// <exception cref="InvalidOperationException">The node has no address, its address's scheme does not match whether it has a certificate, or it has no secret while some node is not on loopback.</exception>
    public RemoteNode(RemoteNodeOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Urls.ContainsKey(options.Node))
        {
            throw new InvalidOperationException($"node '{options.Node}' has no address (Camkes:Nodes:{options.Node}:Url)");
        }

        // Other nodes dial the scheme they are given: it must say what this node serves.
        if ((options.Certificate is not null) != (options.Urls[options.Node].Scheme == Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException(options.Certificate is null
                ? $"node '{options.Node}' has an https:// address but no certificate (Camkes:Nodes:{options.Node}:Certificate:Path)"
                : $"node '{options.Node}' has a certificate but an http:// address: make Camkes:Nodes:{options.Node}:Url https://");
        }

        _options = options;
        Keys = new NodeKeys(options);
        Verifier = new RequestVerifier(Keys, new ReplayGuard(options.CallDeadline, options.MaxClockSkew));
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<RemoteNode>();
        Peers = new PeerChannels(options);
        if (options.Secret is null && options.NodeKey is null)
        {
            _logger.LogWarning("No Camkes:Secret configured: node {Node} of {System} uses the development secret, accepted only while every node is on loopback", options.Node, options.SystemName);
        }
    }

    public string SystemName => _options.SystemName;

    public string Node => _options.Node;

    /// <summary>How long a call to another node waits for its answer.</summary>
    public TimeSpan CallDeadline => _options.CallDeadline;

    /// <summary>The address this node listens on once started (the actual port when the configured one was 0).</summary>
    public Uri? ListenUri => _server?.Address;

    /// <summary>Completes when every node that may call this one has left (never, if none may).</summary>
    public Task ImportersLeft => _importersLeft.Task;

    internal PeerChannels Peers { get; }

    /// <summary>This node's own key and the keys it calls other nodes with.</summary>
    internal NodeKeys Keys { get; }

    /// <summary>The ids of the requests this node sends.</summary>
    internal CallIds Ids { get; } = new();

    /// <summary>Checks that a request comes from the node it names and is not a replay.</summary>
    internal RequestVerifier Verifier { get; }

    /// <summary>The calls this node is serving, for cancels at their callers' deadlines.</summary>
    internal InFlightCalls InFlight { get; } = new();

    internal ILogger Logger => _logger;

    /// <summary>The largest message a call may bring (RemoteNodeOptions.MaxMessageSize).</summary>
    internal int MaxMessageSize => _options.MaxMessageSize;

    /// <summary>Starts listening. Calls that arrive are held until <see cref="Open"/>.</summary>
    public async Task StartAsync(CancellationToken cancellation = default)
    {
        if (_server is not null)
        {
            throw new InvalidOperationException($"node '{Node}' is already started");
        }

        _server = new NodeServer(this, _options, _loggerFactory);
        await _server.StartAsync(cancellation).ConfigureAwait(false);
    }

    /// <summary>Lets the held and later calls in: the kernel has started, so every exported end is served.</summary>
    public void Open()
    {
        foreach (var importer in _endpoints.Values.SelectMany(e => e.End.CallerNodes).Concat(_notifications.Values.SelectMany(n => n.End.CallerNodes)).Where(n => n != Node))
        {
            _importersPresent.TryAdd(importer, 0);
        }

        _open.TrySetResult();
    }

    /// <summary>Server end of an RPC connection whose <c>to</c> end is on this node; only the listed callers are accepted.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void ExportEndpoint(string connection, string instance, string interfaceName, Endpoint endpoint, params RemoteCaller[] callers)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var end = new ExportedEnd(connection, instance, interfaceName, callers);
        if (!_endpoints.TryAdd(connection, new ExportedEndpoint(end, endpoint)))
        {
            throw new InvalidOperationException($"connection '{connection}' is already exported by node '{Node}'");
        }
    }

    /// <summary>Client side: an endpoint whose calls (<see cref="MessageFrame"/> only) go to <paramref name="serverNode"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Endpoint ImportEndpoint(string connection, string serverNode, string instance, string interfaceName, IReadOnlyList<string> methodNames)
    {
        EnsureKnown(serverNode);
        Keys.ToServer(serverNode);
        _importedFrom.TryAdd(serverNode, 0);
        var endpoint = new RemoteEndpoint(this, connection, serverNode, instance, interfaceName, new MethodNames(methodNames));
        lock (_imports)
        {
            _imports.Add(endpoint);
        }

        return endpoint;
    }

    /// <summary>Target end of a notification connection on this node; only the listed emitters may signal it, with their badges.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void ExportNotification(string connection, string instance, string interfaceName, Notification notification, params RemoteCaller[] emitters)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var end = new ExportedEnd(connection, instance, interfaceName, emitters.Select(e => e with { Badge = 0 }).Distinct());
        if (!_notifications.TryAdd(connection, new ExportedNotification(end, notification, emitters)))
        {
            throw new InvalidOperationException($"connection '{connection}' is already exported by node '{Node}'");
        }
    }

    /// <summary>
    /// Emitter side: a local notification whose signals (badges OR-ed, coalesced while a send is in
    /// flight) are forwarded to the target on <paramref name="targetNode"/>. Put it in the emitter's targets.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Notification ImportNotification(string connection, string targetNode, string instance, string interfaceName)
    {
        EnsureKnown(targetNode);
        Keys.ToServer(targetNode);
        _importedFrom.TryAdd(targetNode, 0);
        var forwarder = new NotificationForwarder(this, connection, targetNode, instance, interfaceName, _logger);
        lock (_forwarders)
        {
            _forwarders.Add(Task.Run(() => forwarder.RunAsync(_finish.Token, _stop.Token)));
        }

        return forwarder.Local;
    }

    /// <summary>
    /// The node's system stops: every call it has in flight to other nodes fails at once with
    /// "system stopping" (as a local call would), instead of holding its caller until the deadline.
    /// </summary>
    internal void AbandonCalls()
    {
        lock (_imports)
        {
            foreach (var endpoint in _imports)
            {
                endpoint.Abandon(Endpoint.SystemStopping);
            }
        }
    }

    /// <summary>
    /// Sends the signals still pending, then tells every node this one imports from that it will
    /// call no more (each bounded by the call deadline; a node that is down is skipped). Stop the
    /// kernel first, so that nothing signals after the last send.
    /// </summary>
    public async Task LeaveAsync()
    {
        _finish.Cancel();
        await Task.WhenAll(Forwarders()).ConfigureAwait(false);

        // Waits for a connection that is still being made or re-made (bounded by the deadline), as
        // calls do: failing fast on a transient state would leave the other node serving for ever.
        var leaving = _importedFrom.Keys.Select(async node =>
        {
            var request = new LeaveRequest { Node = Node, CallId = Ids.Next(), SentAtMs = ReplayGuard.Timestamp() };
            request.Mac = ByteString.CopyFrom(MessageAuthentication.Leave(Keys.ToServer(node), SystemName, node, request));
            try
            {
                await Peers.Client(node).LeaveAsync(request, new CallOptions(deadline: DateTime.UtcNow + CallDeadline).WithWaitForReady()).ResponseAsync.ConfigureAwait(false);
            }
            catch (RpcException exception)
            {
                _logger.LogInformation("Node {Node} not told that {Self} leaves: {Status}", node, Node, exception.StatusCode);
            }
        });
        await Task.WhenAll(leaving).ConfigureAwait(false);
    }

    /// <summary>Stops forwarding and calling, and stops listening: calls in flight to this node are cancelled.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _finish.Cancel();
        _stop.Cancel();
        lock (_imports)
        {
            foreach (var endpoint in _imports)
            {
                endpoint.Close();
            }
        }

        await Task.WhenAll(Forwarders()).ConfigureAwait(false);
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }

        Peers.Dispose();
        _stop.Dispose();
        _finish.Dispose();
    }

    internal Task WaitOpenAsync(CancellationToken cancellation) => _open.Task.WaitAsync(cancellation);

    internal ExportedEndpoint? FindEndpoint(string connection) => _endpoints.GetValueOrDefault(connection);

    internal ExportedNotification? FindNotification(string connection) => _notifications.GetValueOrDefault(connection);

    /// <summary>A node that may call this one has left (its Leave was authenticated); the last one to leave completes <see cref="ImportersLeft"/>.</summary>
    internal void Leave(string node)
    {
        if (_importersPresent.TryRemove(node, out _) && _importersPresent.IsEmpty)
        {
            _importersLeft.TrySetResult();
        }
    }

    private Task[] Forwarders()
    {
        lock (_forwarders)
        {
            return _forwarders.ToArray();
        }
    }

    private void EnsureKnown(string node)
    {
        if (!_options.Urls.ContainsKey(node))
        {
            throw new ArgumentException($"node '{node}' has no address (Camkes:Nodes:{node}:Url)", nameof(node));
        }
    }
}
