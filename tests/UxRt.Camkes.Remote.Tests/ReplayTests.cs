using Grpc.Core;
using Microsoft.Extensions.Logging;
using UxRt.Camkes.Remote.Protocol;
using UxRt.Camkes.Remote.Tests.Support;
using UxRt.Camkes.Runtime.Faults;

namespace UxRt.Camkes.Remote.Tests;

/// <summary>
/// A credential is bound to its request: an impostor on core's port captures edge's real calls,
/// and neither sending one again nor moving its MAC onto another method, payload or badge gets
/// anything from the real core.
/// </summary>
public sealed class ReplayTests
{
    [Fact]
    public async Task A_replayed_call_is_refused_and_logged()
    {
        var log = new RecordingLoggerFactory();
        await using var fake = await FakeNode.StartAsync(new Uri($"http://127.0.0.1:{LoopbackPort.Free()}"));
        await using var nodes = await NodePair.StartAsync(loggerFactory: log, adjust: (node, options) => NodeAuthenticationTests.ToFake(node, options, fake));
        var captured = await CaptureAsync(nodes, fake, client => client.Add(2, 3));
        using var raw = new RawNodeClient(nodes.Urls["core"]);

        // The first delivery is the call edge made (core never saw it); the second is a replay.
        var delivered = await raw.Node.CallAsync(captured).ResponseAsync.WaitAsync(Bounded.Wait);
        var replay = await Assert.ThrowsAsync<RpcException>(() => raw.Node.CallAsync(captured).ResponseAsync).WaitAsync(Bounded.Wait);

        Assert.Equal(CallResponse.ResultOneofCase.Payload, delivered.ResultCase);
        Assert.Equal(StatusCode.PermissionDenied, replay.StatusCode);
        Assert.Contains("was seen already: a replay", replay.Status.Detail);
        Assert.Equal(1, nodes.Dispatcher.Calls);
        Assert.Contains(log.Entries, entry => entry.Level == LogLevel.Warning && entry.Message.Contains("refused") && entry.Message.Contains("a replay"));
    }

    [Theory]
    [InlineData("method")]
    [InlineData("payload")]
    [InlineData("badge")]
    [InlineData("connection end")]
    public async Task A_credential_moved_to_another_call_is_refused(string moved)
    {
        var log = new RecordingLoggerFactory();
        await using var fake = await FakeNode.StartAsync(new Uri($"http://127.0.0.1:{LoopbackPort.Free()}"));
        await using var nodes = await NodePair.StartAsync(loggerFactory: log, adjust: (node, options) => NodeAuthenticationTests.ToFake(node, options, fake));
        var captured = await CaptureAsync(nodes, fake, client => client.Add(2, 3));
        var forged = captured.Clone();
        switch (moved)
        {
            case "method":
                forged.Method = Calculator.Sender;
                break;
            case "payload":
                forged.Payload = Google.Protobuf.ByteString.CopyFrom(new byte[] { 40, 0, 0, 0, 2, 0, 0, 0 });
                break;
            case "badge":
                forged.Badge = 9;
                break;
            default:
                forged.Interface = "other";
                forged.Connection = "other_connection";
                break;
        }

        using var raw = new RawNodeClient(nodes.Urls["core"]);

        var refusal = await Assert.ThrowsAsync<RpcException>(() => raw.Node.CallAsync(forged).ResponseAsync).WaitAsync(Bounded.Wait);

        Assert.Equal(StatusCode.PermissionDenied, refusal.StatusCode);
        Assert.Equal(0, nodes.Dispatcher.Calls);
        Assert.Contains(log.Entries, entry => entry.Level == LogLevel.Warning && entry.Message.Contains("refused"));
    }

    [Fact]
    public async Task Refusal_logs_truncate_the_strings_a_request_brings()
    {
        var log = new RecordingLoggerFactory();
        await using var nodes = await NodePair.StartAsync(loggerFactory: log);
        using var raw = new RawNodeClient(nodes.Urls["core"]);
        var huge = new string('x', 100_000);

        await Assert.ThrowsAsync<RpcException>(() => raw.Node.CallAsync(new CallRequest { Connection = huge, CallerNode = huge }).ResponseAsync).WaitAsync(Bounded.Wait);

        var refused = Assert.Single(log.Entries, entry => entry.Level == LogLevel.Warning && entry.Message.Contains("refused"));
        Assert.True(refused.Message.Length < 1_000, $"a {refused.Message.Length}-character log line");
    }

    // Edge calls through the impostor, which keeps the request: what an attacker on the port would hold.
    private static async Task<CallRequest> CaptureAsync(NodePair nodes, FakeNode fake, Action<CalculatorClient> call)
    {
        var client = new CalculatorClient(nodes.Import(), badge: 7);
        await Bounded.OnThread(() => Assert.Throws<ComponentFaultException>(() => call(client)));
        return Assert.Single(fake.Calls);
    }
}
