using Microsoft.Extensions.Logging;
using UxRt.Camkes.Remote.Tests.Support;
using UxRt.Camkes.Runtime.Faults;

namespace UxRt.Camkes.Remote.Tests;

/// <summary>Only the callers the spec names, proving it with the shared secret, reach a node; everyone else is refused and logged.</summary>
public sealed class AccessTests
{
    [Fact]
    public async Task A_badge_the_connection_does_not_give_is_refused_and_logged()
    {
        var log = new RecordingLoggerFactory();
        await using var nodes = await NodePair.StartAsync(loggerFactory: log);
        var client = new CalculatorClient(nodes.Import(), badge: 5);

        var fault = await Bounded.OnThread(() => Assert.Throws<ComponentFaultException>(() => client.Add(1, 2)));

        AssertRefused(fault, nodes, log, "badge 5 is not a caller");
    }

    [Fact]
    public async Task A_caller_with_a_different_secret_is_refused_and_logged()
    {
        var log = new RecordingLoggerFactory();
        await using var nodes = await NodePair.StartAsync(adjust: (node, options) => node == "edge" ? options with { Secret = "guessed" } : options, loggerFactory: log);
        var client = new CalculatorClient(nodes.Import(), badge: 7);

        var fault = await Bounded.OnThread(() => Assert.Throws<ComponentFaultException>(() => client.Add(1, 2)));

        AssertRefused(fault, nodes, log, "the MAC of the request from node 'edge' does not match");
    }

    [Fact]
    public async Task A_node_the_connection_does_not_join_is_refused_even_with_the_secret()
    {
        var log = new RecordingLoggerFactory();
        await using var nodes = await NodePair.StartAsync(loggerFactory: log);
        await using var rogue = new RemoteNode(nodes.Options("edge") with { Node = "rogue", Urls = new Dictionary<string, Uri>(nodes.Urls) { ["rogue"] = nodes.Urls["edge"] } });
        var client = new CalculatorClient(rogue.ImportEndpoint(NodePair.Connection, "core", "calc", "calc", Calculator.MethodNames), badge: 7);

        var fault = await Bounded.OnThread(() => Assert.Throws<ComponentFaultException>(() => client.Add(1, 2)));

        AssertRefused(fault, nodes, log, "node 'rogue' with badge 7 is not a caller");
    }

    [Fact]
    public void Without_a_secret_a_system_with_a_node_off_loopback_refuses_to_start()
    {
        var options = new RemoteNodeOptions
        {
            SystemName = "Pair",
            Node = "edge",
            Urls = new Dictionary<string, Uri> { ["edge"] = new("http://127.0.0.1:5301"), ["core"] = new("http://core.example:5301") },
        };

        var refusal = Assert.Throws<InvalidOperationException>(() => new RemoteNode(options));

        Assert.Contains("Camkes:Secret", refusal.Message);
    }

    [Fact]
    public async Task A_node_without_a_certificate_listens_on_loopback_only_and_says_so()
    {
        var log = new RecordingLoggerFactory();
        var options = new RemoteNodeOptions { SystemName = "Pair", Node = "edge", Secret = "s", Urls = new Dictionary<string, Uri> { ["edge"] = new("http://0.0.0.0:0") } };
        await using var node = new RemoteNode(options, log);

        await node.StartAsync().WaitAsync(Bounded.Wait);

        Assert.Equal("127.0.0.1", node.ListenUri!.Host);
        Assert.Contains(log.Entries, entry => entry.Level == LogLevel.Warning && entry.Message.Contains("listening on 127.0.0.1"));
    }

    private static void AssertRefused(ComponentFaultException fault, NodePair nodes, RecordingLoggerFactory log, string reason)
    {
        Assert.Equal(("calc", "calc", "add"), (fault.Instance, fault.Interface, fault.Method));
        Assert.Contains("node 'core' refused the call", fault.Message);
        Assert.Contains(reason, fault.Message);
        Assert.Equal(0, nodes.Dispatcher.Calls);
        Assert.Contains(log.Entries, entry => entry.Level == LogLevel.Warning && entry.Message.Contains("refused") && entry.Message.Contains(reason));
    }
}
