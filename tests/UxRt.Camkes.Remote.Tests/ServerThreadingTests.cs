using UxRt.Camkes.Remote.Glue;
using UxRt.Camkes.Remote.Tests.Support;
using UxRt.Camkes.Runtime.Components;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Remote.Tests;

/// <summary>A call from another node runs where a local call to the same server would.</summary>
public sealed class ServerThreadingTests
{
    [Fact]
    public async Task A_unicore_servers_handler_runs_on_its_virtual_cpu()
    {
        await using var nodes = await NodePair.StartAsync();
        using var kernel = new SystemKernel(NodePair.System);
        var unicore = new UnicoreThreadingModel("counter");
        kernel.AddInstance("counter", new Idle(), new InstanceOptions { Threading = unicore });
        var dispatcher = new CalculatorDispatcher();
        nodes.Core.ExportEndpoint("edge_counter", "counter", "calc", kernel.Serve("counter", "calc", dispatcher), new RemoteCaller("edge", 7));
        kernel.Start();
        var client = new CalculatorClient(nodes.Edge.ImportEndpoint("edge_counter", "core", "counter", "calc", Calculator.MethodNames), badge: 7);

        var sum = await Bounded.OnThread(() => client.Add(5, 6));

        Assert.Equal(11, sum);
        Assert.Equal(unicore.Cpu.ThreadId, dispatcher.LastThreadId);
    }

    [Fact]
    public async Task A_threaded_servers_handler_runs_on_its_interface_thread()
    {
        await using var nodes = await NodePair.StartAsync();
        var client = new CalculatorClient(nodes.Import(), badge: 7);

        await Bounded.OnThread(() => client.Add(1, 2));

        Assert.Equal(nodes.InterfaceThreadId, nodes.Dispatcher.LastThreadId);
    }

    [Fact]
    public async Task Concurrent_calls_to_a_threaded_server_are_all_answered_by_its_interface_thread()
    {
        // Each reply resumes its request on the interface thread, which must still take the calls queued meanwhile.
        await using var nodes = await NodePair.StartAsync();
        var endpoint = nodes.Import();
        var callers = Enumerable.Range(0, 4).Select(caller => Bounded.OnThread(() =>
        {
            var client = new CalculatorClient(endpoint, badge: 7);
            return Enumerable.Range(0, 50).Select(i => client.Add(caller * 1000, i)).ToArray();
        }));

        var sums = await Task.WhenAll(callers);

        for (var caller = 0; caller < sums.Length; caller++)
        {
            Assert.Equal(Enumerable.Range(0, 50).Select(i => caller * 1000 + i), sums[caller]);
        }

        Assert.Equal(200, nodes.Dispatcher.Calls);
        Assert.Equal(nodes.InterfaceThreadId, nodes.Dispatcher.LastThreadId);
    }

    private sealed class Idle : Component;
}
