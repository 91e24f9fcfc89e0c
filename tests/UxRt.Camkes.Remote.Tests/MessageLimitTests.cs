using Google.Protobuf;
using Grpc.Core;
using UxRt.Camkes.Remote.Protocol;
using UxRt.Camkes.Remote.Tests.Support;

namespace UxRt.Camkes.Remote.Tests;

/// <summary>
/// A peer that holds valid keys (a compromised node) still cannot make a server allocate more than
/// the buffer a call has: a larger announced buffer or payload is refused before any frame is taken.
/// </summary>
public sealed class MessageLimitTests
{
    private const string Secret = "held by the orchestrator only";

    [Theory]
    [InlineData(1024 * 1024, 8)]
    [InlineData(64, 8 * 1024)]
    public async Task A_call_larger_than_its_buffer_is_refused_and_the_server_keeps_serving(int announcedCapacity, int payloadBytes)
    {
        await using var nodes = await NodePair.StartAsync(adjust: NodeAuthenticationTests.IssuedKeysOnly(Secret));
        var client = new CalculatorClient(nodes.Import(), badge: 7);
        var edgeKey = NodeKeyDerivation.CallKey(NodeKeyDerivation.NodeKey(Secret, NodePair.System, "core"), "edge");
        var oversized = new CallRequest
        {
            Connection = NodePair.Connection, Instance = "calc", Interface = "calc", Method = Calculator.Sender, Badge = 7, CallerNode = "edge",
            Capacity = announcedCapacity, Payload = ByteString.CopyFrom(new byte[payloadBytes]), CallId = 1, SentAtMs = ReplayGuard.Timestamp(),
        };
        oversized.Mac = ByteString.CopyFrom(MessageAuthentication.Call(edgeKey, NodePair.System, "core", oversized));
        using var raw = new RawNodeClient(nodes.Urls["core"]);

        var refusal = await Assert.ThrowsAsync<RpcException>(() => raw.Node.CallAsync(oversized).ResponseAsync).WaitAsync(Bounded.Wait);

        Assert.Equal(StatusCode.ResourceExhausted, refusal.StatusCode);
        Assert.Contains("larger than the 4096-byte buffer of a call", refusal.Status.Detail);
        Assert.Equal(0, nodes.Dispatcher.Calls);
        Assert.Equal(42, await Bounded.OnThread(() => client.Add(40, 2)));
    }
}
