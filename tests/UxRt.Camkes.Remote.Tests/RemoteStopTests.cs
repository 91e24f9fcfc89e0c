using UxRt.Camkes.Remote.Glue;
using UxRt.Camkes.Remote.Tests.Support;
using UxRt.Camkes.Runtime.Components;
using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Kernel;

namespace UxRt.Camkes.Remote.Tests;

/// <summary>
/// The stop contract for calls imported from another node: when the serving node's system stops,
/// the remote caller of a handler that never returns, and those queued behind it, get the named
/// "system stopping" fault relayed, well before their call deadline.
/// </summary>
public sealed class RemoteStopTests
{
    private const int QueuedCallers = 3;

    [Fact]
    public async Task Calls_from_another_node_in_a_stuck_handler_or_queued_behind_it_fail_by_name_when_the_server_stops()
    {
        var urls = new Dictionary<string, Uri>
        {
            ["core"] = new($"http://127.0.0.1:{LoopbackPort.Free()}"),
            ["edge"] = new($"http://127.0.0.1:{LoopbackPort.Free()}"),
        };
        RemoteNodeOptions Options(string node) =>
            new() { SystemName = "Stopping", Node = node, Urls = urls, Secret = "test-secret", CallDeadline = TimeSpan.FromSeconds(30) };

        var dispatcher = new CalculatorDispatcher();
        await using var core = new RemoteNode(Options("core"));
        await core.StartAsync();
        var kernel = new SystemKernel("Stopping") { ShutdownTimeout = TimeSpan.FromMilliseconds(200) };
        kernel.AddInstance("calc", new Idle(), hasControl: false);
        var served = kernel.Serve("calc", "calc", dispatcher);
        core.ExportEndpoint("edge_calc", "calc", "calc", served, new RemoteCaller("edge", 7));
        kernel.Start();
        core.Open();

        await using var edge = new RemoteNode(Options("edge"));
        await edge.StartAsync();
        edge.Open();
        var imported = edge.ImportEndpoint("edge_calc", "core", "calc", "calc", Calculator.MethodNames);
        try
        {
            var stalled = Bounded.OnThread(() => Assert.Throws<ComponentFaultException>(new CalculatorClient(imported, badge: 7).Stall));
            Assert.True(SpinWait.SpinUntil(() => dispatcher.Calls == 1, Bounded.Wait), "the stalling call did not reach its handler");
            var queued = Enumerable.Range(0, QueuedCallers)
                .Select(i => Bounded.OnThread(() => Assert.Throws<ComponentFaultException>(() => new CalculatorClient(imported, badge: 7).Add(i, 1))))
                .ToArray();
            Assert.True(SpinWait.SpinUntil(() => served.OutstandingCount == 1 + QueuedCallers, Bounded.Wait), "the queued calls did not arrive");

            var stopping = System.Diagnostics.Stopwatch.StartNew();
            kernel.Stop();
            var faults = await Task.WhenAll([stalled, .. queued]).WaitAsync(Bounded.Wait);
            stopping.Stop();

            Assert.All(faults, fault => Assert.EndsWith("failed: system stopping", fault.Message, StringComparison.Ordinal));
            Assert.Equal("calc.calc.stall failed: system stopping", faults[0].Message);
            Assert.All(faults.Skip(1), fault => Assert.Equal("calc.calc.add failed: system stopping", fault.Message));
            // Failed by the stop, not by the 30 s deadline.
            Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(20), $"the callers waited {stopping.Elapsed}");
        }
        finally
        {
            dispatcher.Gate.Set();
            kernel.Dispose();
        }
    }

    private sealed class Idle : Component;
}
