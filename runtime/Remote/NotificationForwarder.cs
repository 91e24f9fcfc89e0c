using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using UxRt.Camkes.Remote.Protocol;
using UxRt.Camkes.Runtime.Notifications;

namespace UxRt.Camkes.Remote;

/// <summary>
/// Carries the signals of an imported notification to its target node. Emitters signal a local
/// notification and never block; this loop takes its word and sends it, so every signal raised
/// while a send is in flight coalesces into the next send, as seL4's notification word does.
/// </summary>
internal sealed class NotificationForwarder
{
    private readonly RemoteNode _node;
    private readonly SignalRequest _template;
    private readonly string _targetNode;
    private readonly byte[] _key;
    private readonly ILogger _logger;

    public NotificationForwarder(RemoteNode node, string connection, string targetNode, string instance, string interfaceName, ILogger logger)
    {
        _node = node;
        _targetNode = targetNode;
        _logger = logger;
        _template = new SignalRequest { Connection = connection, Instance = instance, Interface = interfaceName, CallerNode = node.Node };
        _key = node.Keys.ToServer(targetNode);
        Local = new Notification(node.Node, $"{connection}->{targetNode}");
    }

    /// <summary>What the emitters signal.</summary>
    public Notification Local { get; }

    /// <summary>
    /// Forwards until <paramref name="stop"/>; once <paramref name="finish"/> is cancelled it sends
    /// what is still pending (one try each) and returns, so a node's last signals arrive before it leaves.
    /// </summary>
    public async Task RunAsync(CancellationToken finish, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            int bits;
            if (finish.IsCancellationRequested)
            {
                bits = Local.Poll();
                if (bits == 0)
                {
                    return;
                }
            }
            else
            {
                try
                {
                    bits = await Local.WaitAsync(finish).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    continue;
                }
            }

            var request = _template.Clone();
            request.Bits = bits;

            // A new id and time each send (a retry too): the target refuses a send it has seen.
            request.CallId = _node.Ids.Next();
            request.SentAtMs = ReplayGuard.Timestamp();
            request.Mac = ByteString.CopyFrom(MessageAuthentication.Signal(_key, _node.SystemName, _targetNode, request));
            try
            {
                await _node.Peers.Client(_targetNode)
                    .SignalAsync(request, new CallOptions(deadline: DateTime.UtcNow + _node.CallDeadline, cancellationToken: stop).WithWaitForReady())
                    .ResponseAsync.ConfigureAwait(false);
            }
            catch (RpcException exception) when (exception.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded && finish.IsCancellationRequested)
            {
                _logger.LogWarning("Node {Node} unreachable for the last signals on {Connection} ({Bits}): {Detail}", _targetNode, _template.Connection, bits, exception.Status.Detail);
                return;
            }
            catch (RpcException exception) when (exception.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
            {
                // The target node is down: keep the bits pending (a signal is never lost) and retry when it is back.
                _logger.LogWarning("Node {Node} unreachable for signals on {Connection}: {Detail}; retrying", _targetNode, _template.Connection, exception.Status.Detail);
                Local.Signal(bits);
            }
            catch (RpcException exception) when (exception.StatusCode == StatusCode.Cancelled && stop.IsCancellationRequested)
            {
                return;
            }
            catch (RpcException exception)
            {
                _logger.LogError("Node {Node} rejected signals on {Connection}: {Status}: {Detail}", _targetNode, _template.Connection, exception.StatusCode, exception.Status.Detail);
            }
        }
    }
}
