using Google.Protobuf;
using UxRt.Camkes.Remote.Protocol;
using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Glue;

namespace UxRt.Camkes.Remote;

/// <summary>
/// The client's view of an interface served on another node: a call's message buffer travels as
/// one gRPC unary call (<see cref="RemoteCall"/>), MACed with this node's key for the server node.
/// A native caller blocks in the gRPC call; an awaiting caller (a unicore component) gets its reply
/// through the frame's reply, so no thread waits for the network.
/// </summary>
internal sealed class RemoteEndpoint : Endpoint
{
    private readonly IProcedureDispatcher _names;
    private readonly HashSet<RemoteCall> _inFlight = [];
    private volatile string? _abandonedBecause;

    public RemoteEndpoint(RemoteNode node, string connection, string serverNode, string instance, string interfaceName, IProcedureDispatcher names)
        : base(instance, interfaceName, names)
    {
        Node = node;
        Connection = connection;
        ServerNode = serverNode;
        Key = node.Keys.ToServer(serverNode);
        _names = names;
    }

    public RemoteNode Node { get; }

    public string Connection { get; }

    public string ServerNode { get; }

    /// <summary>The key of this node's calls to <see cref="ServerNode"/>: requests are MACed with it, and replies must be.</summary>
    public byte[] Key { get; }

    protected override void OnClose() => Abandon(ServerStopped);

    /// <summary>
    /// Fails every call this endpoint has in flight with <paramref name="reason"/> at once (this
    /// node stops, so its callers must not wait for their deadline); each call's stream is reset, so
    /// the server fails it too unless a handler has taken it.
    /// </summary>
    public void Abandon(string reason)
    {
        RemoteCall[] calls;
        lock (_inFlight)
        {
            _abandonedBecause ??= reason;
            calls = [.. _inFlight];
        }

        foreach (var call in calls)
        {
            call.Abandon(reason);
        }
    }

    internal void Started(RemoteCall call)
    {
        lock (_inFlight)
        {
            _inFlight.Add(call);
            if (_abandonedBecause is { } reason)
            {
                // Sent as the node began to stop: given up as those before it were.
                call.Abandon(reason);
            }
        }
    }

    internal void Ended(RemoteCall call)
    {
        lock (_inFlight)
        {
            _inFlight.Remove(call);
        }
    }

    /// <summary>The fault of a call this node gave up because it stops.</summary>
    internal ComponentFaultException Abandoned(CallFrame frame, string reason) => new(Instance, Interface, _names.MethodName(frame.Method), reason);

    protected override bool Deliver(CallFrame frame, bool awaited)
    {
        if (_abandonedBecause is { } reason)
        {
            frame.Fault = Abandoned(frame, reason);
            return true;
        }

        if (frame is not MessageFrame message)
        {
            frame.Fault = Failed(frame, RemoteFaultKind.HandlerFault, "only seL4RPCDataport calls (a MessageFrame) can reach another node");
            return true;
        }

        var call = new RemoteCall(this, message, Signed(message));
        if (!awaited)
        {
            call.RunBlocking();
            return true;
        }

        frame.Reply.PrepareAwaited();
        _ = call.RunAwaitedAsync();
        return false;
    }

    // Never lends this endpoint to another thread: a call is answered by the server node.
    internal override void HandleCarried(CallFrame frame) =>
        throw new InvalidOperationException($"a call to {Instance}.{Interface} on node '{ServerNode}' is never carried");

    /// <summary>The fault of a call that did not get results, with its <see cref="RemoteFaultKind"/> as the cause.</summary>
    internal ComponentFaultException Failed(CallFrame frame, RemoteFaultKind kind, string reason)
    {
        var method = _names.MethodName(frame.Method);
        return new ComponentFaultException(Instance, Interface, method, $"{Instance}.{Interface}.{method} failed: {reason}", new RemoteFaultException(kind, reason));
    }

    /// <summary>The fault of a call made while this node stops.</summary>
    internal ComponentFaultException ClosedFault(CallFrame frame) => Closed(frame);

    private CallRequest Signed(MessageFrame frame)
    {
        var request = new CallRequest
        {
            Connection = Connection,
            Instance = Instance,
            Interface = Interface,
            Method = frame.Method,
            Badge = frame.Badge,
            CallerNode = Node.Node,
            Capacity = frame.Message.Capacity,
            // The caller keeps the frame until the reply, so the request can borrow its bytes.
            Payload = UnsafeByteOperations.UnsafeWrap(frame.Message.Written),
            CallId = Node.Ids.Next(),
            SentAtMs = ReplayGuard.Timestamp(),
        };
        request.Mac = UnsafeByteOperations.UnsafeWrap(MessageAuthentication.Call(Key, Node.SystemName, ServerNode, request));
        return request;
    }
}
