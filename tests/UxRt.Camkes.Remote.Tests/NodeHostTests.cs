using Microsoft.Extensions.DependencyInjection;
using UxRt.Camkes.Remote.Glue;
using UxRt.Camkes.Remote.Tests.Support;
using UxRt.Camkes.Runtime.Components;
using UxRt.Camkes.Runtime.Kernel;

namespace UxRt.Camkes.Remote.Tests;

/// <summary>
/// NodeHost runs one system under the Generic Host, either whole or as one node per process: here
/// two nodes run in this process as two processes would, each from its own command line.
/// </summary>
public sealed class NodeHostTests
{
    [Fact]
    public async Task Without_a_node_the_whole_system_runs_in_this_process()
    {
        var exitCode = await NodeHost.RunAsync<WholeSystem>([]).WaitAsync(Bounded.Wait);

        Assert.Equal(0, exitCode);
        Assert.Equal("whole system, no remote", WholeSystem.BuiltFor);
        Assert.Equal(42, WholeSystem.Client!.Result);
    }

    [Fact]
    public async Task Two_nodes_serve_and_call_each_other_and_the_server_node_ends_when_its_caller_has_left()
    {
        var urls = new[] { $"--Camkes:Nodes:core:Url=http://127.0.0.1:{LoopbackPort.Free()}", $"--Camkes:Nodes:edge:Url=http://127.0.0.1:{LoopbackPort.Free()}", "--Camkes:Secret=hosted-secret" };

        var core = NodeHost.RunAsync<TwoNodeSystem>(["--node", "core", .. urls]);
        var edge = NodeHost.RunAsync<TwoNodeSystem>(["--node", "edge", .. urls]);

        Assert.Equal(0, await edge.WaitAsync(Bounded.Wait));
        Assert.Equal(0, await core.WaitAsync(Bounded.Wait));
        Assert.Equal(42, TwoNodeSystem.Client!.Result);
        Assert.Equal(1, TwoNodeSystem.Dispatcher.Calls);
    }

    [Fact]
    public async Task A_node_given_its_own_key_but_no_key_for_a_node_it_calls_does_not_start_and_names_the_key()
    {
        var nodeKey = Convert.ToBase64String(NodeKeyDerivation.NodeKey("orchestrator's secret", TwoNodeSystem.SystemName, "edge"));
        string[] settings = [$"--Camkes:Nodes:core:Url=http://127.0.0.1:{LoopbackPort.Free()}", $"--Camkes:Nodes:edge:Url=http://127.0.0.1:{LoopbackPort.Free()}", $"--Camkes:NodeKey={nodeKey}"];

        var exitCode = await NodeHost.RunAsync<TwoNodeSystem>(["--node", "edge", .. settings]).WaitAsync(Bounded.Wait);

        Assert.Equal(NodeHost.ConfigurationError, exitCode);
    }

    [Fact]
    public async Task An_unknown_node_does_not_start()
    {
        var exitCode = await NodeHost.RunAsync<UnbuiltSystem>(["--node", "moon"]).WaitAsync(Bounded.Wait);

        Assert.Equal(NodeHost.ConfigurationError, exitCode);
        Assert.False(UnbuiltSystem.Built);
    }

    [Fact]
    public async Task A_bad_setting_does_not_start_and_is_a_configuration_error()
    {
        var exitCode = await NodeHost.RunAsync<UnbuiltSystem>(["--Camkes:ShutdownTimeout=-00:00:01"]).WaitAsync(Bounded.Wait);

        Assert.Equal(NodeHost.ConfigurationError, exitCode);
        Assert.False(UnbuiltSystem.Built);
    }

    private static readonly string[] HostedNodes = ["core", "edge"];

    /// <summary>A system whose one client runs whatever the command line says.</summary>
    private sealed class WholeSystem : ICamkesSystem
    {
        public static string? BuiltFor { get; private set; }

        public static Caller? Client { get; private set; }

        public static string SystemName => "Whole";

        public static IReadOnlyList<string> Nodes => HostedNodes;

        public static SystemKernel Create(SystemContext context)
        {
            BuiltFor = (context.Node ?? "whole system") + (RemoteNodeLink.RemoteOf(context) is null ? ", no remote" : ", remote");
            var kernel = new SystemKernel(SystemName, context);
            Client = kernel.AddInstance("client", new Caller(() => 42), hasControl: true);
            return kernel;
        }

        static void ICamkesSystem.AddSystemServices(IServiceCollection services) => RemoteNodeLink.Register(services, SystemName, Nodes);
    }

    /// <summary>A calculator on node core, called from node edge.</summary>
    private sealed class TwoNodeSystem : ICamkesSystem
    {
        public static CalculatorDispatcher Dispatcher { get; } = new();

        public static Caller? Client { get; private set; }

        public static string SystemName => "TwoNodes";

        public static IReadOnlyList<string> Nodes => HostedNodes;

        public static SystemKernel Create(SystemContext context)
        {
            var kernel = new SystemKernel(SystemName, context);
            var remote = RemoteNodeLink.RemoteOf(context) ?? throw new InvalidOperationException("a node runs with its remote link");
            if (context.Node == "core")
            {
                kernel.AddInstance("calc", new Idle(), hasControl: false);
                remote.ExportEndpoint("edge_calc", "calc", "calc", kernel.Serve("calc", "calc", Dispatcher), new RemoteCaller("edge", 7));
            }
            else
            {
                var calculator = new CalculatorClient(remote.ImportEndpoint("edge_calc", "core", "calc", "calc", Calculator.MethodNames), badge: 7);
                Client = kernel.AddInstance("client", new Caller(() => calculator.Add(40, 2)), hasControl: true);
            }

            return kernel;
        }

        static void ICamkesSystem.AddSystemServices(IServiceCollection services) => RemoteNodeLink.Register(services, SystemName, Nodes);
    }

    /// <summary>A system that must never be built.</summary>
    private sealed class UnbuiltSystem : ICamkesSystem
    {
        public static bool Built { get; private set; }

        public static string SystemName => "Unbuilt";

        public static IReadOnlyList<string> Nodes => HostedNodes;

        public static SystemKernel Create(SystemContext context)
        {
            Built = true;
            return new SystemKernel(SystemName, context);
        }

        static void ICamkesSystem.AddSystemServices(IServiceCollection services) => RemoteNodeLink.Register(services, SystemName, Nodes);
    }

    /// <summary>A component whose control thread makes one call and keeps its result.</summary>
    private sealed class Caller(Func<int> call) : Component
    {
        public int Result { get; private set; }

        protected internal override void Run() => Result = call();
    }

    /// <summary>A server component with nothing to do but serve.</summary>
    private sealed class Idle : Component;
}
