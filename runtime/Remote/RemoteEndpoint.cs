using Google.Protobuf;
using Grpc.Core;
using UxRt.Camkes.Remote.Protocol;
using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Glue;

namespace UxRt.Camkes.Remote;

/// <summary>
/// The client's view of an interface served on another node: a call's message buffer travels as
/// one gRPC unary call. A native caller blocks in the gRPC call; an awaiting caller (a unicore
/// component) gets its reply through the frame's reply, so no thread waits for the network.
/// </summary>
internal sealed class RemoteEndpoint : Endpoint
{
    private readonly RemoteNode _node;
    private readonly string _connection;
    private readonly string _serverNode;
    private readonly IProcedureDispatcher _names;
    private readonly CallCredentials _credentials;
    private volatile bool _closed;

    public RemoteEndpoint(RemoteNode node, string connection, string serverNode, string instance, string interfaceName, IProcedureDispatcher names)
        : base(instance, interfaceName, names)
    {
        _node = node;
        _connection = connection;
        _serverNode = serverNode;
        _names = names;
        _credentials = new CallCredentials(node, connection, instance, interfaceName);
    }

    protected override void OnClose() => _closed = true;

    protected override bool Deliver(CallFrame frame, bool awaited)
    {
        if (_closed)
        {
            frame.Fault = Closed(frame);
            return true;
        }

        if (frame is not MessageFrame message)
        {
            frame.Fault = Failed(frame, "only seL4RPCDataport calls (a MessageFrame) can reach another node");
            return true;
        }

        var request = new CallRequest
        {
            Connection = _connection,
            Instance = Instance,
            Interface = Interface,
            Method = frame.Method,
            Badge = frame.Badge,
            CallerNode = _node.Node,
            Capacity = message.Message.Capacity,
            // The caller keeps the frame until the reply, so the request can borrow its bytes.
            Payload = UnsafeByteOperations.UnsafeWrap(message.Message.Written),
        };

        // The deadline is kept on this side only (cancelling the call when it passes): a gRPC deadline
        // would also start a timer per call on the server, and this one bounds the call all the same.
        var deadline = new CancellationTokenSource(_node.CallDeadline);
        var options = new CallOptions(_credentials.For(frame.Badge), cancellationToken: deadline.Token).WithWaitForReady();
        if (!awaited)
        {
            try
            {
                Answer(message, _node.Peers.Client(_serverNode).Call(request, options));
            }
            catch (Exception exception) when (IsCallFailure(exception))
            {
                frame.Fault = Failed(frame, exception, deadline.IsCancellationRequested);
            }
            finally
            {
                deadline.Dispose();
            }

            return true;
        }

        frame.Reply.PrepareAwaited();
        _ = CallAndReplyAsync(message, request, options, deadline);
        return false;
    }

    // Never lends this endpoint to another thread: a call is answered by the server node.
    internal override void HandleCarried(CallFrame frame) =>
        throw new InvalidOperationException($"a call to {Instance}.{Interface} on node '{_serverNode}' is never carried");

    private async Task CallAndReplyAsync(MessageFrame frame, CallRequest request, CallOptions options, CancellationTokenSource deadline)
    {
        try
        {
            Answer(frame, await _node.Peers.Client(_serverNode).CallAsync(request, options).ResponseAsync.ConfigureAwait(false));
        }
        catch (Exception exception) when (IsCallFailure(exception))
        {
            frame.Fault = Failed(frame, exception, deadline.IsCancellationRequested);
        }
        finally
        {
            deadline.Dispose();
        }

        // Always completed: the awaiting caller must never be left waiting.
        frame.Reply.Complete();
    }

    private void Answer(MessageFrame frame, CallResponse reply)
    {
        if (reply.ResultCase == CallResponse.ResultOneofCase.Fault)
        {
            var fault = reply.Fault;
            frame.Fault = new ComponentFaultException(fault.Instance, fault.Interface, fault.Method, fault.Message,
                string.IsNullOrEmpty(fault.ExceptionType) ? null : new RemoteFaultException(fault.ExceptionType, fault.ExceptionMessage));
            return;
        }

        frame.Message.Load(reply.Payload.Span);
    }

    // What a call can meet on the way: the network, this node stopping, or results larger than the caller's buffer.
    private static bool IsCallFailure(Exception exception) => exception is RpcException or ObjectDisposedException or InvalidOperationException;

    private ComponentFaultException Failed(CallFrame frame, Exception failure, bool deadlinePassed) => failure switch
    {
        RpcException { StatusCode: StatusCode.Cancelled } when deadlinePassed =>
            Failed(frame, $"node '{_serverNode}' unreachable: no answer within {_node.CallDeadline.TotalSeconds:0.###} s"),
        RpcException exception => Failed(frame, exception),
        ObjectDisposedException => Closed(frame),
        _ => Failed(frame, failure.Message),
    };

    private ComponentFaultException Failed(CallFrame frame, RpcException exception) => Failed(frame, exception.StatusCode switch
    {
        // Internal with a local cause: the call never reached the node (a TLS or connection failure).
        StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal when exception.StatusCode != StatusCode.Internal || exception.Status.DebugException is not null =>
            $"node '{_serverNode}' unreachable: no answer within {_node.CallDeadline.TotalSeconds:0.###} s ({Reason(exception)})",
        StatusCode.PermissionDenied => $"node '{_serverNode}' refused the call: {exception.Status.Detail}",
        StatusCode.Cancelled => $"the call to node '{_serverNode}' was cancelled ({Reason(exception)})",
        _ => $"node '{_serverNode}' failed the call: {exception.StatusCode}: {Reason(exception)}",
    });

    private static string Reason(RpcException exception) =>
        !string.IsNullOrEmpty(exception.Status.Detail) ? exception.Status.Detail
        : exception.Status.DebugException?.Message ?? exception.StatusCode.ToString();

    private ComponentFaultException Failed(CallFrame frame, string reason) =>
        new(Instance, Interface, _names.MethodName(frame.Method), reason);
}
