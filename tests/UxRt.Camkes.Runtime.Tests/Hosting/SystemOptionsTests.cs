using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Components;
using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Tests.Support;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Tests.Hosting;

/// <summary>The system's settings: bound from the <c>Camkes</c> section, overridden from code, validated by key.</summary>
public sealed class SystemOptionsTests
{
    [Fact]
    public async Task Settings_come_from_the_Camkes_configuration_section()
    {
        using var host = TestHosts.Build<ServerSystem>(new Dictionary<string, string?>
        {
            ["Camkes:ShutdownTimeout"] = "00:00:02",
            ["Camkes:RestartLimit"] = "5",
            ["Camkes:DefaultFaultPolicy"] = "Restart",
            ["Camkes:CpuHoldLimit"] = "00:00:00.250",
        });

        await host.StartAsync().WaitAsync(Bounded.Wait);
        var kernel = host.SystemOf<ServerSystem>().Kernel!;

        Assert.Equal(TimeSpan.FromSeconds(2), kernel.ShutdownTimeout);
        Assert.Equal(5, kernel.RestartLimit);
        Assert.Equal(FaultPolicy.Restart, kernel.DefaultFaultPolicy);
        Assert.Equal(TimeSpan.FromMilliseconds(250), ServerSystem.Cpu!.HoldLimit);
        await host.StopAsync().WaitAsync(Bounded.Wait);
    }

    [Fact]
    public async Task Code_overrides_configuration()
    {
        using var host = TestHosts.Build<ServerSystem>(
            new Dictionary<string, string?> { ["Camkes:RestartLimit"] = "5", ["Camkes:ShutdownTimeout"] = "00:00:02" },
            configure: options => options.RestartLimit = 7);

        await host.StartAsync().WaitAsync(Bounded.Wait);
        var kernel = host.SystemOf<ServerSystem>().Kernel!;

        Assert.Equal(7, kernel.RestartLimit);
        Assert.Equal(TimeSpan.FromSeconds(2), kernel.ShutdownTimeout);
        await host.StopAsync().WaitAsync(Bounded.Wait);
    }

    [Fact]
    public async Task Bad_settings_stop_the_host_at_start_with_every_key_named()
    {
        using var host = TestHosts.Build<ServerSystem>(new Dictionary<string, string?>
        {
            ["Camkes:ShutdownTimeout"] = "-00:00:01",
            ["Camkes:RestartLimit"] = "-1",
            ["Camkes:IdleBalancer:MinIdleShare"] = "2",
        });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync().WaitAsync(Bounded.Wait));

        Assert.Contains(failure.Failures, f => f.StartsWith("Camkes:ShutdownTimeout must be longer than zero", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("Camkes:RestartLimit must be zero or more", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("Camkes:IdleBalancer:MinIdleShare must be between 0 and 1", StringComparison.Ordinal));
        Assert.Null(host.SystemOf<ServerSystem>().Kernel);
    }

    [Fact]
    public void A_value_that_is_not_a_setting_of_its_type_names_its_key()
    {
        using var host = TestHosts.Build<ServerSystem>(new Dictionary<string, string?> { ["Camkes:DefaultFaultPolicy"] = "Sometimes" });

        var failure = Assert.Throws<InvalidOperationException>(() => host.Services.GetService(typeof(IOptions<SystemOptions>)) is IOptions<SystemOptions> options ? options.Value : null);

        Assert.Contains("Camkes:DefaultFaultPolicy", failure.Message);
    }

    [Fact]
    public void Without_a_host_the_same_validation_runs_when_the_kernel_is_made()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => new SystemKernel("s", new SystemOptions { ShutdownTimeout = TimeSpan.Zero, CpuHoldLimit = TimeSpan.FromSeconds(-1) }));

        Assert.Contains(failure.Failures, f => f.StartsWith("Camkes:ShutdownTimeout", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("Camkes:CpuHoldLimit", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_set_from_code_reach_a_kernel_built_without_a_host()
    {
        using var kernel = ServerSystem.Create(SystemContext.Standalone(new SystemOptions { ShutdownTimeout = TimeSpan.FromMilliseconds(300), RestartLimit = 1 }));

        Assert.Equal(TimeSpan.FromMilliseconds(300), kernel.ShutdownTimeout);
        Assert.Equal(1, kernel.RestartLimit);
        Assert.Equal(VirtualCpu.DefaultHoldLimit, ServerSystem.Cpu!.HoldLimit);
    }

    [Fact]
    public void A_hold_limit_the_spec_sets_wins_over_the_default()
    {
        var options = new SystemOptions { CpuHoldLimit = TimeSpan.FromMilliseconds(250) };
        using var kernel = new SystemKernel("s", options);
        var threading = new UnicoreThreadingModel("fixed", holdLimit: TimeSpan.FromMilliseconds(40));

        kernel.AddInstance("fixed", new Idle(), new InstanceOptions { Threading = threading });

        Assert.Equal(TimeSpan.FromMilliseconds(40), threading.Cpu.HoldLimit);
    }

    /// <summary>One unicore server and nothing else: it runs until it is stopped.</summary>
    private sealed class ServerSystem : ICamkesSystem
    {
        public static VirtualCpu? Cpu { get; private set; }

        public static string SystemName => "Options";

        public static IReadOnlyList<string> Nodes { get; } = ["default"];

        public static SystemKernel Create(SystemContext context)
        {
            var kernel = new SystemKernel(SystemName, context);
            var threading = new UnicoreThreadingModel("server");
            Cpu = threading.Cpu;
            kernel.AddInstance("server", context.CreateComponent<Idle>("server"), new InstanceOptions { Threading = threading });
            return kernel;
        }
    }

    private sealed class Idle : Component;
}
