using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using UxRt.Camkes.Remote.Protocol;
using UxRt.Camkes.Remote.Tests.Support;
using UxRt.Camkes.Runtime.Faults;

namespace UxRt.Camkes.Remote.Tests;

/// <summary>
/// Nodes prove who they are both ways: a caller accepts only replies MACed with the key it shares
/// with the server's node, and a server accepts only requests (calls, leaves) MACed with the key
/// of the node they name, which a node holding only its own keys does not have.
/// </summary>
public sealed class NodeAuthenticationTests
{
    [Fact]
    public async Task A_fake_node_on_the_servers_port_is_refused_and_its_forged_result_never_reaches_the_caller()
    {
        await using var fake = await FakeNode.StartAsync(new Uri($"http://127.0.0.1:{LoopbackPort.Free()}"));
        await using var nodes = await NodePair.StartAsync(adjust: (node, options) => ToFake(node, options, fake));
        var client = new CalculatorClient(nodes.Import(), badge: 7);

        var blocking = await Bounded.OnThread(() => Assert.Throws<ComponentFaultException>(() => client.Add(2, 3)));
        var awaited = await Assert.ThrowsAsync<ComponentFaultException>(async () => await client.AddAsync(2, 3)).WaitAsync(Bounded.Wait);

        Assert.All([blocking, awaited], fault =>
        {
            Assert.Equal(RemoteFaultKind.NotAuthenticated, Assert.IsType<RemoteFaultException>(fault.InnerException).Kind);
            Assert.Contains("the reply from node 'core' is not authenticated", fault.Message);
            Assert.DoesNotContain(FakeNode.ForgedSum.ToString(System.Globalization.CultureInfo.InvariantCulture), fault.Message);
        });
        Assert.Equal(2, fake.Calls.Count);
        Assert.Equal(0, nodes.Dispatcher.Calls);
    }

    [Fact]
    public async Task A_node_holding_only_its_own_keys_calls_its_server_and_cannot_pass_for_another_node()
    {
        const string secret = "held by the orchestrator only";
        var coreKey = NodeKeyDerivation.NodeKey(secret, NodePair.System, "core");
        var log = new RecordingLoggerFactory();
        await using var nodes = await NodePair.StartAsync(loggerFactory: log, adjust: IssuedKeysOnly(secret));
        var client = new CalculatorClient(nodes.Import(), badge: 7);
        Assert.Equal(42, await Bounded.OnThread(() => client.Add(40, 2)));

        // Node "audit" holds its own key for core, not edge's: a call it makes in edge's name is refused.
        var auditKey = NodeKeyDerivation.CallKey(coreKey, "audit");
        var impersonation = new CallRequest
        {
            Connection = NodePair.Connection, Instance = "calc", Interface = "calc", Method = Calculator.Sender, Badge = 7, CallerNode = "edge",
            Capacity = 64, CallId = 1, SentAtMs = ReplayGuard.Timestamp(),
        };
        impersonation.Mac = ByteString.CopyFrom(MessageAuthentication.Call(auditKey, NodePair.System, "core", impersonation));
        using var raw = new RawNodeClient(nodes.Urls["core"]);

        var refusal = await Assert.ThrowsAsync<RpcException>(() => raw.Node.CallAsync(impersonation).ResponseAsync).WaitAsync(Bounded.Wait);

        Assert.Equal(StatusCode.PermissionDenied, refusal.StatusCode);
        Assert.Contains("the MAC of the request from node 'edge' does not match", refusal.Status.Detail);
        Assert.Equal(1, nodes.Dispatcher.Calls);
        Assert.Contains(log.Entries, entry => entry.Level == LogLevel.Warning && entry.Message.Contains("refused") && entry.Message.Contains("MAC"));
    }

    [Fact]
    public async Task A_forged_leave_is_refused_and_only_the_leaving_node_itself_can_leave()
    {
        const string secret = "held by the orchestrator only";
        var coreKey = NodeKeyDerivation.NodeKey(secret, NodePair.System, "core");
        var log = new RecordingLoggerFactory();
        await using var nodes = await NodePair.StartAsync(loggerFactory: log, adjust: IssuedKeysOnly(secret));
        nodes.Import();
        using var raw = new RawNodeClient(nodes.Urls["core"]);

        // Another node of the system, with its own valid key, claims that edge leaves; then anyone without a key does.
        var byAudit = Leave("edge", NodeKeyDerivation.CallKey(coreKey, "audit"), callId: 1);
        var unkeyed = Leave("edge", new byte[NodeKeyDerivation.KeyLength], callId: 2);
        var refusals = new List<RpcException>();
        foreach (var forged in new[] { byAudit, unkeyed })
        {
            refusals.Add(await Assert.ThrowsAsync<RpcException>(() => raw.Node.LeaveAsync(forged).ResponseAsync).WaitAsync(Bounded.Wait));
        }

        Assert.All(refusals, refusal => Assert.Equal(StatusCode.PermissionDenied, refusal.StatusCode));
        Assert.False(nodes.Core.ImportersLeft.IsCompleted, "a forged leave was taken for edge's");
        Assert.Equal(2, log.Entries.Count(entry => entry.Level == LogLevel.Warning && entry.Message.Contains("refused a request on <leave> claiming node edge")));

        await nodes.Edge.LeaveAsync().WaitAsync(Bounded.Wait);
        await nodes.Core.ImportersLeft.WaitAsync(Bounded.Wait);
    }

    // What an orchestrator that keeps the secret hands out: each node its own key, edge the key to
    // call core; a third node, audit, is part of the system (and could hold keys of its own).
    internal static Func<string, RemoteNodeOptions, RemoteNodeOptions> IssuedKeysOnly(string secret)
    {
        var coreKey = NodeKeyDerivation.NodeKey(secret, NodePair.System, "core");
        var auditUrl = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        return (node, options) => options with
        {
            Secret = null,
            Urls = new Dictionary<string, Uri>(options.Urls) { ["audit"] = auditUrl },
            NodeKey = NodeKeyDerivation.NodeKey(secret, NodePair.System, node),
            CallKeys = node == "edge" ? new Dictionary<string, byte[]> { ["core"] = NodeKeyDerivation.CallKey(coreKey, "edge") } : null,
        };
    }

    private static LeaveRequest Leave(string node, byte[] key, ulong callId)
    {
        var request = new LeaveRequest { Node = node, CallId = callId, SentAtMs = ReplayGuard.Timestamp() };
        request.Mac = ByteString.CopyFrom(MessageAuthentication.Leave(key, NodePair.System, "core", request));
        return request;
    }

    // Edge dials the impostor where it expects core; core itself listens elsewhere.
    internal static RemoteNodeOptions ToFake(string node, RemoteNodeOptions options, FakeNode fake) =>
        node == "edge" ? options with { Urls = new Dictionary<string, Uri>(options.Urls) { ["core"] = fake.Url } } : options;
}
