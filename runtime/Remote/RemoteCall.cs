using System.Diagnostics;
using Google.Protobuf;
using Grpc.Core;
using UxRt.Camkes.Remote.Protocol;
using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Glue;

namespace UxRt.Camkes.Remote;

/// <summary>
/// One call to another node, from sending to the answer the caller gets. When the call deadline
/// passes first, the caller does not simply give up (which would leave the server free to run the
/// call later): it asks the server to cancel it, and the server's answer says what the caller is
/// told: "not delivered" (no handler had taken it; it never runs), "timed out while running", or,
/// when the server does not answer that either, "unreachable". Only then is the gRPC call reset.
/// Every answer must carry the server's MAC, or it is dropped as not authenticated.
/// </summary>
internal sealed class RemoteCall
{
    // A cancel is one lookup on the server: it needs no more than this, nor than the call deadline.
    private static readonly TimeSpan MaxCancelWait = TimeSpan.FromSeconds(2);

    private readonly RemoteEndpoint _endpoint;
    private readonly MessageFrame _frame;
    private readonly CallRequest _request;
    private readonly CancellationTokenSource _abort = new();
    private TaskCompletionSource<string?>? _cancelled;
    private string? _abandonedBecause;

    public RemoteCall(RemoteEndpoint endpoint, MessageFrame frame, CallRequest request)
    {
        _endpoint = endpoint;
        _frame = frame;
        _request = request;
    }

    private RemoteNode Node => _endpoint.Node;

    private string ServerNode => _endpoint.ServerNode;

    private double DeadlineSeconds => Node.CallDeadline.TotalSeconds;

    /// <summary>
    /// Resets the call at once, without asking the server (this node stops): the caller gets
    /// <paramref name="reason"/>; on the server, a call not yet taken by a handler is failed by the reset.
    /// </summary>
    public void Abandon(string reason)
    {
        Volatile.Write(ref _abandonedBecause, reason);
        try
        {
            _abort.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The call ended meanwhile.
        }
    }

    /// <summary>For a native caller: blocks in the gRPC call; the results or the fault are in the frame when it returns.</summary>
    public void RunBlocking()
    {
        using var deadline = new CancellationTokenSource(Node.CallDeadline);
        var atDeadline = deadline.Token.UnsafeRegister(static call => ((RemoteCall)call!).StartCancel(), this);
        _endpoint.Started(this);
        try
        {
            Answer(Node.Peers.Client(ServerNode).Call(_request, Options()));
        }
        catch (Exception exception) when (IsCallFailure(exception))
        {
            atDeadline.Dispose();
            _frame.Fault = Volatile.Read(ref _abandonedBecause) is { } reason ? _endpoint.Abandoned(_frame, reason)
                : Volatile.Read(ref _cancelled) is { } cancelled ? Cancelled(cancelled.Task.GetAwaiter().GetResult())
                : Failed(exception);
        }
        finally
        {
            atDeadline.Dispose();
            _endpoint.Ended(this);
            _abort.Dispose();
        }
    }

    /// <summary>For an awaiting caller: completes the frame's reply, always, so the caller is never left waiting.</summary>
    public async Task RunAwaitedAsync()
    {
        using var deadline = new CancellationTokenSource(Node.CallDeadline);
        var atDeadline = deadline.Token.UnsafeRegister(static call => ((RemoteCall)call!).StartCancel(), this);
        _endpoint.Started(this);
        try
        {
            Answer(await Node.Peers.Client(ServerNode).CallAsync(_request, Options()).ResponseAsync.ConfigureAwait(false));
        }
        catch (Exception exception) when (IsCallFailure(exception))
        {
            await atDeadline.DisposeAsync().ConfigureAwait(false);
            _frame.Fault = Volatile.Read(ref _abandonedBecause) is { } reason ? _endpoint.Abandoned(_frame, reason)
                : Volatile.Read(ref _cancelled) is { } cancelled ? Cancelled(await cancelled.Task.ConfigureAwait(false))
                : Failed(exception);
        }
        finally
        {
            await atDeadline.DisposeAsync().ConfigureAwait(false);
            _endpoint.Ended(this);
            _abort.Dispose();
        }

        _frame.Reply.Complete();
    }

    // The deadline is kept on this side only: a gRPC deadline would also start a timer per call on
    // the server, and the cancel bounds the call all the same. A node not ready yet is waited for
    // (within the deadline): the start-up order tolerance.
    private CallOptions Options() => new CallOptions(TraceHeaders.Current(), cancellationToken: _abort.Token).WithWaitForReady();

    private void StartCancel()
    {
        var cancelled = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _cancelled, cancelled);
        _ = CancelThenAbortAsync(cancelled);
    }

    // Asks the server to cancel, records its answer as the fault's reason, then resets the call.
    private async Task CancelThenAbortAsync(TaskCompletionSource<string?> cancelled)
    {
        string? reason = null;
        try
        {
            var request = new CancelRequest { CallerNode = Node.Node, TargetCallId = _request.CallId, CallId = Node.Ids.Next(), SentAtMs = ReplayGuard.Timestamp() };
            request.Mac = ByteString.CopyFrom(MessageAuthentication.Cancel(_endpoint.Key, Node.SystemName, ServerNode, request));
            var wait = Node.CallDeadline < MaxCancelWait ? Node.CallDeadline : MaxCancelWait;

            // Not WaitForReady: a node this one cannot reach now is unreachable, not worth waiting for.
            var reply = await Node.Peers.Client(ServerNode).CancelAsync(request, new CallOptions(deadline: DateTime.UtcNow + wait)).ResponseAsync.ConfigureAwait(false);
            reason = MessageAuthentication.Matches(MessageAuthentication.Cancelled(_endpoint.Key, _request.CallId, reply.Outcome), reply.Mac)
                ? reply.Outcome.ToString()
                : "not authenticated";
        }
        catch (Exception exception) when (exception is RpcException or ObjectDisposedException or InvalidOperationException)
        {
            reason = null;
        }
        finally
        {
            cancelled.SetResult(reason);
            try
            {
                _abort.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The call ended meanwhile.
            }
        }
    }

    private void Answer(CallResponse reply)
    {
        if (!MessageAuthentication.Matches(MessageAuthentication.Reply(_endpoint.Key, _request.CallId, reply), reply.Mac))
        {
            _frame.Fault = _endpoint.Failed(_frame, RemoteFaultKind.NotAuthenticated,
                $"the reply from node '{ServerNode}' is not authenticated (its MAC does not match): not the node the spec places {_endpoint.Instance} on; dropped");
            return;
        }

        if (reply.ResultCase == CallResponse.ResultOneofCase.Fault)
        {
            var fault = reply.Fault;
            if (fault.NotDelivered)
            {
                // The server's answer to the cancel arrived as the call's own reply: the same outcome.
                _frame.Fault = Cancelled(nameof(CancelOutcome.NotStarted));
                return;
            }

            _frame.Fault = new ComponentFaultException(fault.Instance, fault.Interface, fault.Method, fault.Message,
                string.IsNullOrEmpty(fault.ExceptionType) ? null : new RemoteFaultException(fault.ExceptionType, fault.ExceptionMessage));
            return;
        }

        _frame.Message.Load(reply.Payload.Span);
    }

    // What the server said when asked to cancel at the deadline (null: it did not answer).
    private ComponentFaultException Cancelled(string? outcome) => outcome switch
    {
        nameof(CancelOutcome.NotStarted) => _endpoint.Failed(_frame, RemoteFaultKind.NotDelivered,
            $"not delivered: node '{ServerNode}' had not started the call when its {DeadlineSeconds:0.###} s deadline passed, and will not run it"),
        nameof(CancelOutcome.Running) => _endpoint.Failed(_frame, RemoteFaultKind.TimedOutWhileRunning,
            $"timed out while running on node '{ServerNode}': no answer within {DeadlineSeconds:0.###} s; the handler may still complete it"),
        nameof(CancelOutcome.Finished) => _endpoint.Failed(_frame, RemoteFaultKind.TimedOutWhileRunning,
            $"timed out while running on node '{ServerNode}': it ran, but its answer came after the {DeadlineSeconds:0.###} s deadline"),
        "not authenticated" => _endpoint.Failed(_frame, RemoteFaultKind.NotAuthenticated,
            $"node '{ServerNode}' unreachable: no answer within {DeadlineSeconds:0.###} s, and the answer to the cancel is not authenticated"),
        _ => _endpoint.Failed(_frame, RemoteFaultKind.Unreachable,
            $"node '{ServerNode}' unreachable: no answer within {DeadlineSeconds:0.###} s, not even to the cancel"),
    };

    // What a call can meet on the way: the network, this node stopping, or results larger than the caller's buffer.
    private static bool IsCallFailure(Exception exception) => exception is RpcException or ObjectDisposedException or InvalidOperationException;

    private ComponentFaultException Failed(Exception failure) => failure switch
    {
        RpcException exception => Failed(exception),
        ObjectDisposedException => _endpoint.ClosedFault(_frame),
        _ => _endpoint.Failed(_frame, RemoteFaultKind.HandlerFault, failure.Message),
    };

    private ComponentFaultException Failed(RpcException exception) => exception.StatusCode switch
    {
        // Internal with a local cause: the call never reached the node (a TLS or connection failure).
        StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal when exception.StatusCode != StatusCode.Internal || exception.Status.DebugException is not null =>
            _endpoint.Failed(_frame, RemoteFaultKind.Unreachable, $"node '{ServerNode}' unreachable: no answer within {DeadlineSeconds:0.###} s ({Reason(exception)})"),
        // A refusal is not authenticated (the refusing node has not proved who it is): it only fails the call.
        StatusCode.PermissionDenied => _endpoint.Failed(_frame, RemoteFaultKind.Refused, $"node '{ServerNode}' refused the call: {Reason(exception)}"),
        StatusCode.Cancelled => _endpoint.ClosedFault(_frame),
        _ => _endpoint.Failed(_frame, RemoteFaultKind.Unreachable, $"node '{ServerNode}' failed the call: {exception.StatusCode}: {Reason(exception)}"),
    };

    // The status comes from whoever answered on the node's port: kept short.
    private static string Reason(RpcException exception) => LogText.Untrusted(
        !string.IsNullOrEmpty(exception.Status.Detail) ? exception.Status.Detail
        : exception.Status.DebugException?.Message ?? exception.StatusCode.ToString());
}
