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

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x00, 0x00, 0x10, 0x00 })]
    public async Task A_short_or_lying_payload_never_reads_what_an_earlier_call_left_in_a_pooled_frame(byte[] payload)
    {
        await using var nodes = await NodePair.StartAsync(adjust: NodeAuthenticationTests.IssuedKeysOnly(Secret));
        var client = new CalculatorClient(nodes.Import(), badge: 7);
        var marker = "another connection's secret " + new string('#', 1000);
        Assert.Equal(marker, await Bounded.OnThread(() => client.Echo(marker)));
        var edgeKey = NodeKeyDerivation.CallKey(NodeKeyDerivation.NodeKey(Secret, NodePair.System, "core"), "edge");

        // An empty payload, then one announcing a 1 MB string with nothing behind it: the pooled frame
        // still holds the marker, and neither may reach it.
        var request = new CallRequest
        {
            Connection = NodePair.Connection, Instance = "calc", Interface = "calc", Method = Calculator.Echo, Badge = 7, CallerNode = "edge",
            Capacity = 4096, Payload = ByteString.CopyFrom(payload), CallId = 7, SentAtMs = ReplayGuard.Timestamp(),
        };
        request.Mac = ByteString.CopyFrom(MessageAuthentication.Call(edgeKey, NodePair.System, "core", request));
        using var raw = new RawNodeClient(nodes.Urls["core"]);

        var response = await raw.Node.CallAsync(request).ResponseAsync.WaitAsync(Bounded.Wait);

        Assert.Equal(CallResponse.ResultOneofCase.Fault, response.ResultCase);
        Assert.Contains("calc.calc.echo", response.Fault.Message);
        Assert.DoesNotContain("secret", response.Fault.Message + response.Fault.ExceptionMessage);
        Assert.Equal(marker, await Bounded.OnThread(() => client.Echo(marker)));
    }
}
