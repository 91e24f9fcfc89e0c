using System.Diagnostics;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Endpoint = UxRt.Camkes.Runtime.Glue.Endpoint;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.ObjectPool;
using UxRt.Camkes.Remote.Glue;
using UxRt.Camkes.Remote.Protocol;
using UxRt.Camkes.Runtime.Diagnostics;
using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Rpc;

namespace UxRt.Camkes.Remote;

/// <summary>
/// The server half of the node protocol: checks who calls, then hands each call to the exported
/// endpoint as a pooled frame, so the serving component runs on its own threads exactly as for a
/// local caller, and no thread waits while it does.
/// </summary>
internal sealed class NodeService : Protocol.Node.NodeBase
{
    private static readonly ObjectPool<MessageFrame> Frames = new DefaultObjectPool<MessageFrame>(new FramePolicy(), Environment.ProcessorCount * 16);

    // What a Leave is logged under: it names no connection.
    private const string LeaveConnection = "<leave>";

    // The fault of a call failed at its caller's deadline; the caller itself reports it as "not delivered".
    private const string NotDeliveredReason = "not delivered: the caller's deadline passed before a handler took the call";

    private readonly RemoteNode _node;
    private readonly ILogger _logger;

    public NodeService(RemoteNode node)
    {
        _node = node;
        _logger = node.Logger;
    }

    public override async Task<CallResponse> Call(CallRequest request, ServerCallContext context)
    {
        var export = _node.FindEndpoint(request.Connection) ?? throw Refuse(context, request.Connection, request.CallerNode, $"node '{_node.Node}' serves no connection '{LogText.Untrusted(request.Connection)}'");
        var refusal = export.End.Refusal(request.Instance, request.Interface, new RemoteCaller(request.CallerNode, request.Badge));
        var key = Array.Empty<byte>();
        refusal ??= _node.Verifier.Forgery(request.CallerNode, request.Mac, callKey => MessageAuthentication.Call(callKey, _node.SystemName, _node.Node, request), out key);
        if (refusal is not null)
        {
            throw Refuse(context, request.Connection, request.CallerNode, refusal);
        }

        // Registered before it is admitted, so that a cancel racing with its arrival finds it or forbids it.
        var entry = _node.InFlight.TryRegister(request.CallerNode, request.CallId);
        refusal = entry is null
            ? $"call id {request.CallId:x} from node '{request.CallerNode}' is in flight already: a replay"
            : _node.Verifier.Replays.Admit(request.CallerNode, request.CallId, request.SentAtMs);
        if (refusal is not null)
        {
            if (entry is not null)
            {
                _node.InFlight.Remove(request.CallerNode, request.CallId);
            }

            throw Refuse(context, request.Connection, request.CallerNode, refusal);
        }

        try
        {
            var response = await Run(export, request, entry!, context).ConfigureAwait(false);
            response.Mac = ByteString.CopyFrom(MessageAuthentication.Reply(key, request.CallId, response));
            return response;
        }
        finally
        {
            _node.InFlight.Remove(request.CallerNode, request.CallId);
        }
    }

    private async Task<CallResponse> Run(ExportedEndpoint export, CallRequest request, InFlightCalls.Entry entry, ServerCallContext context)
    {
        await WaitOpenAsync(request.Connection, request.CallerNode, context).ConfigureAwait(false);
        var capacity = Math.Max(request.Capacity, request.Payload.Length);
        // Refused before anything is allocated: by default no legitimate caller needs more than the
        // buffer generated clients marshal into (RemoteNodeOptions.MaxMessageSize).
        if (capacity > _node.MaxMessageSize)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, $"a {capacity}-byte message is larger than the {_node.MaxMessageSize}-byte buffer of a call (Camkes:MaxMessageSize)"));
        }

        var frame = capacity <= MessageFrame.DefaultCapacity ? Frames.Get() : new MessageFrame(capacity);
        using var span = KernelTelemetry.Calls.HasListeners() ? StartServerSpan(context, export.Endpoint, request) : null;
        var abandoned = default(CancellationTokenRegistration);
        try
        {
            frame.Message.Load(request.Payload.Span);
            frame.Method = request.Method;
            frame.Badge = request.Badge;
            if (!entry.TryDeliver(frame, export.Endpoint, Send, out var call))
            {
                return FaultResponse(NotDelivered(export.Endpoint, frame), notDelivered: true);
            }

            // The caller gave up (its deadline passed and it reset the stream, or its connection
            // died) before its cancel arrived: a call still queued is failed, so it never runs late.
            // Registered once the endpoint holds the call, so a failure is never undone by its acceptance.
            abandoned = context.CancellationToken.UnsafeRegister(static state =>
            {
                var (endpoint, frame) = ((Endpoint, MessageFrame))state!;
                frame.Reply.TryFail(NotDelivered(endpoint, frame), queuedOnly: true);
            }, (export.Endpoint, frame));
            await (export.Endpoint is QueuedEndpoint ? call : Answered(call)).ConfigureAwait(false);
            span?.SetStatus(ActivityStatusCode.Ok);

            // Copied: the reply is serialised after this method returns, when the frame is back in the pool.
            return new CallResponse { Payload = ByteString.CopyFrom(frame.Message.Written.Span) };
        }
        catch (ComponentFaultException fault)
        {
            span?.SetStatus(ActivityStatusCode.Error, fault.Message);
            return FaultResponse(fault, notDelivered: WasNotDelivered(frame));
        }
        finally
        {
            // Neither a cancel nor the abandonment may touch the frame once it can go back to the pool.
            abandoned.Dispose();
            entry.Answered();

            // A call the kernel failed at stop may still be in its handler's hands (or queues): never lend that frame to another call.
            if (!frame.Reply.AnsweredByKernel)
            {
                Frames.Return(frame);
            }
        }
    }

    public override Task<CancelResponse> Cancel(CancelRequest request, ServerCallContext context)
    {
        if (_node.Verifier.Refusal(request.CallerNode, request.CallId, request.SentAtMs, request.Mac, callKey => MessageAuthentication.Cancel(callKey, _node.SystemName, _node.Node, request), out var key) is { } refusal)
        {
            throw Refuse(context, "<cancel>", request.CallerNode, refusal);
        }

        var outcome = _node.InFlight.Cancel(request.CallerNode, request.TargetCallId, NotDelivered) ?? NotInFlight(request);
        _logger.LogDebug("Node {Node} cancelled call {CallId:x} of node {Caller} at its deadline: {Outcome}", _node.Node, request.TargetCallId, request.CallerNode, outcome);
        return Task.FromResult(new CancelResponse { Outcome = outcome, Mac = ByteString.CopyFrom(MessageAuthentication.Cancelled(key, request.TargetCallId, outcome)) });
    }

    // Not in flight: answered already, or not arrived yet; one that arrives later is then refused.
    private CancelOutcome NotInFlight(CancelRequest request)
    {
        if (_node.Verifier.Replays.Seen(request.CallerNode, request.TargetCallId))
        {
            return CancelOutcome.Finished;
        }

        _node.Verifier.Replays.Forbid(request.CallerNode, request.TargetCallId);
        return CancelOutcome.NotStarted;
    }

    /// <summary>The fault of a call failed because its caller's deadline passed before a handler took it.</summary>
    private static ComponentFaultException NotDelivered(Endpoint endpoint, CallFrame frame) =>
        new(endpoint.Instance, endpoint.Interface, endpoint.MethodName(frame.Method), NotDeliveredReason);

    // Failed by a cancel or the caller's reset, not by its handler or a stop.
    private static bool WasNotDelivered(MessageFrame frame) =>
        frame.Reply.Failure is { } failure && failure.Message.EndsWith(NotDeliveredReason, StringComparison.Ordinal);

    private static CallResponse FaultResponse(ComponentFaultException fault, bool notDelivered) => new()
    {
        Fault = new Fault
        {
            Instance = fault.Instance,
            Interface = fault.Interface,
            Method = fault.Method,
            Message = fault.Message,
            // A fault relayed from a further node keeps the type its handler threw.
            ExceptionType = fault.InnerException is RemoteFaultException relayed ? relayed.ExceptionType : fault.InnerException?.GetType().FullName ?? "",
            ExceptionMessage = fault.InnerException?.Message ?? "",
            NotDelivered = notDelivered,
        },
    };

    public override async Task<SignalResponse> Signal(SignalRequest request, ServerCallContext context)
    {
        var export = _node.FindNotification(request.Connection) ?? throw Refuse(context, request.Connection, request.CallerNode, $"node '{_node.Node}' serves no notification '{LogText.Untrusted(request.Connection)}'");
        var refusal = export.End.Refusal(request.Instance, request.Interface, new RemoteCaller(request.CallerNode, 0))
            ?? _node.Verifier.Refusal(request.CallerNode, request.CallId, request.SentAtMs, request.Mac, callKey => MessageAuthentication.Signal(callKey, _node.SystemName, _node.Node, request), out _);
        if (refusal is not null)
        {
            throw Refuse(context, request.Connection, request.CallerNode, refusal);
        }

        if (!export.Allows(request.CallerNode, request.Bits))
        {
            throw Refuse(context, request.Connection, request.CallerNode, $"node '{request.CallerNode}' may not signal bits {request.Bits:x} on '{request.Connection}'");
        }

        await WaitOpenAsync(request.Connection, request.CallerNode, context).ConfigureAwait(false);
        export.Notification.Signal(request.Bits);
        _logger.LogDebug("Node {Node} raised {Bits} on {Connection} for node {Caller}", _node.Node, request.Bits, request.Connection, request.CallerNode);
        return new SignalResponse();
    }

    // Only the leaving node holds the key its Leave is MACed with: another node (or anyone without
    // that key) cannot make this node believe that its callers are gone.
    public override async Task<LeaveResponse> Leave(LeaveRequest request, ServerCallContext context)
    {
        if (_node.Verifier.Refusal(request.Node, request.CallId, request.SentAtMs, request.Mac, callKey => MessageAuthentication.Leave(callKey, _node.SystemName, _node.Node, request), out _) is { } refusal)
        {
            throw Refuse(context, LeaveConnection, request.Node, refusal);
        }

        await WaitOpenAsync(LeaveConnection, request.Node, context).ConfigureAwait(false);
        _node.Leave(request.Node);
        _logger.LogInformation("Node {Node} left node {Self}", request.Node, _node.Node);
        return new LeaveResponse();
    }

    // A native interface thread that has replied goes on with this request itself (writes its
    // response) before it takes its next call: the call then crosses threads once, not twice, and
    // the request thread neither spins for the reply nor waits for a thread-pool wake-up. A unicore
    // server's CPU never runs request code, so its reply is awaited as any other.
    private static ValueTask Send(Endpoint endpoint, MessageFrame frame)
    {
        frame.Reply.ResumesOnReplier = endpoint is QueuedEndpoint;
        return endpoint.CallAsync(frame);
    }

    // Most handlers answer within microseconds: spinning that long (bounded, as a blocking local
    // caller does) lets the reply continue on this thread instead of being posted to the thread
    // pool, which costs more than the call. A slow handler is awaited without holding the thread.
    private static ValueTask Answered(ValueTask call)
    {
        var spin = default(HandOffSpin);
        while (!call.IsCompleted && spin.SpinOnce())
        {
        }

        spin.End();
        return call;
    }

    // Requests that arrive while the node's kernel is still starting wait for it, within their deadline.
    private Task WaitOpenAsync(string connection, string callerNode, ServerCallContext context)
    {
        var open = _node.WaitOpenAsync(context.CancellationToken);
        if (!open.IsCompleted)
        {
            _logger.LogDebug("Node {Node} holds a request on {Connection} from node {Caller} until it has started", _node.Node, connection, callerNode);
        }

        return open;
    }

    private RpcException Refuse(ServerCallContext context, string connection, string callerNode, string reason)
    {
        // Every string here may come from the request: each is truncated, so a request cannot flood the log.
        _logger.LogWarning("Node {Node} refused a request on {Connection} claiming node {Caller} from {Peer}: {Reason}", _node.Node, LogText.Untrusted(connection), LogText.Untrusted(callerNode), context.Peer, reason);
        return new RpcException(new Status(StatusCode.PermissionDenied, reason));
    }

    // The caller's trace continues here: under the ASP.NET Core request's span when someone records
    // it, otherwise straight under the caller's span (from the request's traceparent header).
    private static Activity? StartServerSpan(ServerCallContext context, Endpoint endpoint, CallRequest request)
    {
        var parent = Activity.Current switch
        {
            { } recorded when recorded.Source.HasListeners() => recorded.Context,
            { ParentSpanId: var callerSpan } unrecorded when callerSpan != default =>
                new ActivityContext(unrecorded.TraceId, callerSpan, unrecorded.ActivityTraceFlags, unrecorded.TraceStateString, isRemote: true),
            _ => CallerContext(context.GetHttpContext().Request.Headers),
        };

        var span = KernelTelemetry.Calls.StartActivity(endpoint.Instance + "." + endpoint.Interface, ActivityKind.Server, parent);
        span?.SetTag(KernelTelemetry.InstanceTag, endpoint.Instance);
        span?.SetTag(KernelTelemetry.InterfaceTag, endpoint.Interface);
        span?.SetTag("camkes.method.index", request.Method);
        span?.SetTag("camkes.badge", request.Badge);
        span?.SetTag("camkes.caller.node", request.CallerNode);
        return span;
    }

    private static ActivityContext CallerContext(IHeaderDictionary headers)
    {
        DistributedContextPropagator.Current.ExtractTraceIdAndState(headers, static (carrier, name, out value, out values) =>
        {
            values = null;
            value = ((IHeaderDictionary)carrier!).TryGetValue(name, out var found) ? found.ToString() : null;
        }, out var traceParent, out var traceState);
        return ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var parent) ? parent : default;
    }

    private sealed class FramePolicy : PooledObjectPolicy<MessageFrame>
    {
        public override MessageFrame Create() => new();

        // Only default-sized frames go back: a larger one was made for a single large call.
        public override bool Return(MessageFrame frame) => frame.Message.Capacity == MessageFrame.DefaultCapacity;
    }
}
