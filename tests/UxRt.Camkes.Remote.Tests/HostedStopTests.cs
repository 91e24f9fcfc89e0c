using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using UxRt.Camkes.Remote.Glue;
using UxRt.Camkes.Remote.Tests.Support;
using UxRt.Camkes.Runtime.Components;
using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Hosting;
using UxRt.Camkes.Runtime.Kernel;

namespace UxRt.Camkes.Remote.Tests;

/// <summary>
/// A node under the Generic Host stopped as SIGTERM stops it (the host's StopAsync) while a
/// handler hangs: the callers on the other node get the named "system stopping" fault, the node
/// ends within its shutdown timeout and not at the handler's (or the call deadline's) pleasure, and
/// its exit code says that a thread did not stop. A client node that stops frees its own callers too.
/// </summary>
public sealed class HostedStopTests
{
    private static readonly string[] PairNodes = ["core", "edge"];

    [Fact]
    public async Task A_server_node_stopped_with_a_hung_handler_fails_its_remote_callers_by_name_and_ends()
    {
        var urls = Urls();
        using var host = Host(["--node", "core", "--Camkes:ShutdownTimeout=00:00:01", .. urls], services => services.AddCamkesSystem<HungServerSystem>());
        await host.StartAsync().WaitAsync(Bounded.Wait);
        await using var edge = new RemoteNode(EdgeOptions(urls));
        await edge.StartAsync();
        edge.Open();
        var imported = edge.ImportEndpoint("edge_calc", "core", "calc", "calc", Calculator.MethodNames);
        try
        {
            var stalled = Bounded.OnThread(() => Assert.Throws<ComponentFaultException>(new CalculatorClient(imported, badge: 7).Stall));
            Assert.True(SpinWait.SpinUntil(() => HungServerSystem.Dispatcher.Calls == 1, Bounded.Wait), "the stalling call did not reach its handler");
            var queued = Bounded.OnThread(() => Assert.Throws<ComponentFaultException>(() => new CalculatorClient(imported, badge: 7).Add(1, 2)));
            Assert.True(SpinWait.SpinUntil(() => HungServerSystem.Served!.OutstandingCount == 2, Bounded.Wait), "the queued call did not arrive");

            await host.StopAsync().WaitAsync(Bounded.Wait);
            var faults = await Task.WhenAll(stalled, queued).WaitAsync(Bounded.Wait);

            Assert.Equal("calc.calc.stall failed: system stopping", faults[0].Message);
            Assert.Equal("calc.calc.add failed: system stopping", faults[1].Message);
            Assert.False(HungServerSystem.Dispatcher.Gate.IsSet, "the node waited for the hung handler");
            Assert.Equal(SystemExitCodes.Fault, host.Services.GetRequiredService<CamkesSystemService<HungServerSystem>>().ExitCode);
        }
        finally
        {
            HungServerSystem.Dispatcher.Gate.Set();
        }
    }

    [Fact]
    public async Task A_client_node_that_stops_frees_its_thread_waiting_on_another_node_with_system_stopping()
    {
        var urls = Urls();
        var dispatcher = new CalculatorDispatcher();
        await using var core = new RemoteNode(EdgeOptions(urls) with { Node = "core" });
        await core.StartAsync();
        var served = new Runtime.Glue.ThreadedEndpoint("calc", "calc", dispatcher);
        var interfaceThread = new Thread(served.Serve) { IsBackground = true };
        interfaceThread.Start();
        core.ExportEndpoint("edge_calc", "calc", "calc", served, new RemoteCaller("edge", 7));
        core.Open();
        using var host = Host(["--node", "edge", "--Camkes:ShutdownTimeout=00:00:10", "--Camkes:CallDeadline=00:00:30", .. urls], services => services.AddCamkesSystem<StallingClientSystem>());
        try
        {
            await host.StartAsync().WaitAsync(Bounded.Wait);
            Assert.True(SpinWait.SpinUntil(() => dispatcher.Calls == 1, Bounded.Wait), "the client's call did not arrive");

            await host.StopAsync().WaitAsync(Bounded.Wait);

            var fault = Assert.IsType<ComponentFaultException>(StallingClientSystem.Client!.Fault);
            Assert.Equal("calc.calc.stall failed: system stopping", fault.Message);
            Assert.False(dispatcher.Gate.IsSet);
            Assert.Equal(0, host.Services.GetRequiredService<CamkesSystemService<StallingClientSystem>>().ExitCode);
        }
        finally
        {
            dispatcher.Gate.Set();
            served.Close();
        }
    }

    private static string[] Urls() =>
    [
        $"--Camkes:Nodes:core:Url=http://127.0.0.1:{LoopbackPort.Free()}",
        $"--Camkes:Nodes:edge:Url=http://127.0.0.1:{LoopbackPort.Free()}",
        "--Camkes:Secret=hosted-secret",
    ];

    private static RemoteNodeOptions EdgeOptions(string[] urls) => new()
    {
        SystemName = "Hung",
        Node = "edge",
        Secret = "hosted-secret",
        CallDeadline = TimeSpan.FromSeconds(30),
        Urls = urls.Where(arg => arg.StartsWith("--Camkes:Nodes:", StringComparison.Ordinal)).ToDictionary(
            arg => arg.Split(':')[2],
            arg => new Uri(arg[(arg.IndexOf('=', StringComparison.Ordinal) + 1)..])),
    };

    // What NodeHost builds, kept in hand so the test can stop it as SIGTERM does.
    private static IHost Host(string[] args, Action<IServiceCollection> addSystem)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        addSystem(builder.Services);
        return builder.Build();
    }

    /// <summary>Node core serves a calculator whose <c>stall</c> never returns on its own.</summary>
    private sealed class HungServerSystem : ICamkesSystem
    {
        public static CalculatorDispatcher Dispatcher { get; } = new();

        public static Runtime.Glue.Endpoint? Served { get; private set; }

        public static string SystemName => "Hung";

        public static IReadOnlyList<string> Nodes => PairNodes;

        public static SystemKernel Create(SystemContext context)
        {
            var kernel = new SystemKernel(SystemName, context);
            var remote = RemoteNodeLink.RemoteOf(context)!;
            kernel.AddInstance("calc", new Idle(), hasControl: false);
            Served = kernel.Serve("calc", "calc", Dispatcher);
            remote.ExportEndpoint("edge_calc", "calc", "calc", Served, new RemoteCaller("edge", 7));
            return kernel;
        }

        static void ICamkesSystem.AddSystemServices(IServiceCollection services) => RemoteNodeLink.Register(services, SystemName, Nodes);
    }

    /// <summary>Node edge's control thread calls core's <c>stall</c> and keeps the fault it gets.</summary>
    private sealed class StallingClientSystem : ICamkesSystem
    {
        public static StallingClient? Client { get; private set; }

        public static string SystemName => "Hung";

        public static IReadOnlyList<string> Nodes => PairNodes;

        public static SystemKernel Create(SystemContext context)
        {
            var kernel = new SystemKernel(SystemName, context);
            var remote = RemoteNodeLink.RemoteOf(context)!;
            var calculator = new CalculatorClient(remote.ImportEndpoint("edge_calc", "core", "calc", "calc", Calculator.MethodNames), badge: 7);
            Client = kernel.AddInstance("client", new StallingClient(calculator), hasControl: true);
            return kernel;
        }

        static void ICamkesSystem.AddSystemServices(IServiceCollection services) => RemoteNodeLink.Register(services, SystemName, Nodes);
    }

    private sealed class StallingClient(CalculatorClient calculator) : Component
    {
        public Exception? Fault { get; private set; }

        protected internal override void Run() => Fault = Record.Exception(calculator.Stall);
    }

    private sealed class Idle : Component;
}
