using Microsoft.Extensions.Logging;
using UxRt.Camkes.Remote.Tests.Support;
using UxRt.Camkes.Runtime.Components;
using UxRt.Camkes.Runtime.Kernel;

namespace UxRt.Camkes.Remote.Tests;

/// <summary>
/// NodeHost runs one system either whole or as one node per process: here two nodes run in this
/// process as two processes would, each from its own command line.
/// </summary>
public sealed class NodeHostTests
{
    private const string System = "Hosted";
    private static readonly string[] Nodes = ["core", "edge"];

    [Fact]
    public async Task Without_a_node_the_whole_system_runs_in_this_process()
    {
        string? builtFor = "not built";
        var client = new Caller(_ => 42);

        var exitCode = await NodeHost.RunAsync([], System, Nodes, (logger, node, remote) =>
        {
            builtFor = node ?? (remote is null ? null : "remote");
            var kernel = new SystemKernel(System, logger);
            kernel.AddInstance("client", client, hasControl: true);
            return kernel;
        }).WaitAsync(Bounded.Wait);

        Assert.Equal(0, exitCode);
        Assert.Null(builtFor);
        Assert.Equal(42, client.Result);
    }

    [Fact]
    public async Task Two_nodes_serve_and_call_each_other_and_the_server_node_ends_when_its_caller_has_left()
    {
        var urls = new[] { $"--Camkes:Nodes:core:Url=http://127.0.0.1:{LoopbackPort.Free()}", $"--Camkes:Nodes:edge:Url=http://127.0.0.1:{LoopbackPort.Free()}", "--Camkes:Secret=hosted-secret" };
        var dispatcher = new CalculatorDispatcher();
        Caller? client = null;

        var core = NodeHost.RunAsync(["--node", "core", .. urls], System, Nodes, (logger, node, remote) =>
        {
            var kernel = new SystemKernel(System, logger);
            kernel.AddInstance("calc", new Idle(), hasControl: false);
            remote!.ExportEndpoint("edge_calc", "calc", "calc", kernel.Serve("calc", "calc", dispatcher), new RemoteCaller("edge", 7));
            return kernel;
        });
        var edge = NodeHost.RunAsync(["--node", "edge", .. urls], System, Nodes, (logger, node, remote) =>
        {
            var kernel = new SystemKernel(System, logger);
            var calculator = new CalculatorClient(remote!.ImportEndpoint("edge_calc", "core", "calc", "calc", Calculator.MethodNames), badge: 7);
            client = kernel.AddInstance("client", new Caller(_ => calculator.Add(40, 2)), hasControl: true);
            return kernel;
        });

        Assert.Equal(0, await edge.WaitAsync(Bounded.Wait));
        Assert.Equal(0, await core.WaitAsync(Bounded.Wait));
        Assert.Equal(42, client!.Result);
        Assert.Equal(1, dispatcher.Calls);
    }

    [Fact]
    public async Task An_unknown_node_does_not_start()
    {
        var built = false;

        var exitCode = await NodeHost.RunAsync(["--node", "moon"], System, Nodes, (logger, node, remote) =>
        {
            built = true;
            return new SystemKernel(System, logger);
        }).WaitAsync(Bounded.Wait);

        Assert.Equal(NodeHost.ConfigurationError, exitCode);
        Assert.False(built);
    }


    /// <summary>A component whose control thread makes one call and keeps its result.</summary>
    private sealed class Caller(Func<Caller, int> call) : Component
    {
        public int Result { get; private set; }

        protected override void Run() => Result = call(this);
    }

    /// <summary>A server component with nothing to do but serve.</summary>
    private sealed class Idle : Component;
}
