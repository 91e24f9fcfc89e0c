using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Components;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Tests.Support;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Tests.Hosting;

/// <summary>A system under the Generic Host: started and stopped with it, ending it when done, its components made through DI.</summary>
public sealed class HostedSystemTests
{
    [Fact]
    public async Task The_host_starts_and_stops_the_system()
    {
        var journal = new Journal();
        using var host = TestHosts.Build<LoopSystem>(services: s => s.AddSingleton(journal));

        await host.StartAsync().WaitAsync(Bounded.Wait);
        Assert.True(journal.Running.Wait(Bounded.Wait), "the control thread did not start");
        await host.StopAsync().WaitAsync(Bounded.Wait);

        var system = host.SystemOf<LoopSystem>();
        Assert.Equal(0, system.ExitCode);
        Assert.Contains("loop: stopped", journal.Lines);
    }

    [Fact]
    public async Task A_system_that_finishes_by_itself_ends_the_host()
    {
        var journal = new Journal();
        using var host = TestHosts.Build<OnceSystem>(services: s => s.AddSingleton(journal));

        // Taken first: RunAsync disposes the host's container when it ends.
        var system = host.SystemOf<OnceSystem>();
        await host.RunAsync().WaitAsync(Bounded.Wait);

        Assert.Equal(0, system.ExitCode);
        Assert.Contains("once: ran", journal.Lines);
    }

    [Fact]
    public async Task A_fault_nobody_handled_is_the_exit_code()
    {
        var before = Environment.ExitCode;
        try
        {
            using var host = TestHosts.Build<FaultingSystem>();

            // Taken first: RunAsync disposes the host's container when it ends.
            var system = host.SystemOf<FaultingSystem>();
            await host.RunAsync().WaitAsync(Bounded.Wait);

            Assert.Equal(1, system.ExitCode);
            Assert.Equal(1, Environment.ExitCode);
        }
        finally
        {
            // The test host's own exit code must not be this test's.
            Environment.ExitCode = before;
        }
    }

    [Fact]
    public async Task Native_and_unicore_components_take_services_options_and_loggers_in_their_constructors()
    {
        var journal = new Journal();
        var logs = new LogRecorder();
        using var host = TestHosts.Build<InjectedSystem>(
            new Dictionary<string, string?> { ["Greeting:Text"] = "hello from configuration" },
            services: s =>
            {
                s.AddSingleton(journal);
                s.AddOptions<GreetingOptions>().BindConfiguration("Greeting");
            },
            logs: logs);

        // Taken first: RunAsync disposes the host's container when it ends.
        var system = host.SystemOf<InjectedSystem>();
        await host.RunAsync().WaitAsync(Bounded.Wait);

        Assert.Equal(0, system.ExitCode);
        Assert.Contains("native: hello from configuration", journal.Lines);
        Assert.Contains("unicore: hello from configuration", journal.Lines);
        Assert.Contains("unicore: built on a thread that is not its CPU", journal.Lines);
        Assert.Contains("unicore: init on its cpu", journal.Lines);
        Assert.Contains(logs.Entries, e => e.Category == typeof(NativeGreeter).FullName!.Replace('+', '.') && e.Message == "native greeter made");
        Assert.Contains(logs.Entries, e => e.Category == typeof(UnicoreGreeter).FullName!.Replace('+', '.') && e.Message == "unicore greeter made");
        // The kernel logs through the host's logger factory too, under the system's name.
        Assert.Contains(logs.Entries, e => e.Category == InjectedSystem.SystemName && e.Message.StartsWith("Starting system", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metrics_go_through_the_hosts_meter_factory()
    {
        var before = Environment.ExitCode;
        try
        {
            using var host = TestHosts.Build<FaultingSystem>();
            var factory = host.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
            var faults = 0L;
            using var listener = new System.Diagnostics.Metrics.MeterListener();
            listener.InstrumentPublished = (instrument, l) =>
            {
                // Only the host's own meter: other tests' systems count on the process-wide one.
                if (instrument.Meter.Name == global::UxRt.Camkes.Runtime.Diagnostics.KernelTelemetry.SourceName && ReferenceEquals(instrument.Meter.Scope, factory) && instrument.Name == "camkes.faults")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref faults, value));
            listener.Start();

            await host.RunAsync().WaitAsync(Bounded.Wait);

            Assert.Equal(1, Interlocked.Read(ref faults));
        }
        finally
        {
            Environment.ExitCode = before;
        }
    }

    [Fact]
    public void A_constructor_argument_nobody_registered_names_the_instance()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => InjectedSystem.Create(SystemContext.Standalone()));

        Assert.Contains("instance 'native' (NativeGreeter) cannot be created", failure.Message);
        Assert.Contains(nameof(Journal), failure.Message);
    }

    [Fact]
    public async Task Without_a_host_RunAsync_runs_until_its_token_is_cancelled()
    {
        var journal = new Journal();
        var services = new ServiceCollection().AddSingleton(journal).BuildServiceProvider();
        await using var kernel = LoopSystem.Create(new SystemContext(services, new SystemOptions()));
        using var cancel = new CancellationTokenSource();

        var run = kernel.RunAsync(cancel.Token);
        Assert.True(journal.Running.Wait(Bounded.Wait), "the control thread did not start");
        cancel.Cancel();

        Assert.Equal(0, await run.WaitAsync(Bounded.Wait));
        Assert.Contains("loop: stopped", journal.Lines);
    }

    /// <summary>What components saw, as a service they are given.</summary>
    public sealed class Journal
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ManualResetEventSlim Running { get; } = new();
    }

    public sealed class GreetingOptions
    {
        public string Text { get; set; } = "default greeting";
    }

    /// <summary>Runs until the system stops.</summary>
    private sealed class LoopSystem : ICamkesSystem
    {
        public static string SystemName => "Loop";

        public static IReadOnlyList<string> Nodes { get; } = ["default"];

        public static SystemKernel Create(SystemContext context)
        {
            var kernel = new SystemKernel(SystemName, context);
            kernel.AddInstance("loop", context.CreateComponent<Loop>("loop"), hasControl: true);
            return kernel;
        }
    }

    private sealed class Loop(Journal journal) : Component
    {
        protected internal override void Run()
        {
            journal.Running.Set();
            StopRequested.WaitHandle.WaitOne(Bounded.Wait);
            journal.Lines.Enqueue("loop: stopped");
        }
    }

    /// <summary>Runs once and is done.</summary>
    private sealed class OnceSystem : ICamkesSystem
    {
        public static string SystemName => "Once";

        public static IReadOnlyList<string> Nodes { get; } = ["default"];

        public static SystemKernel Create(SystemContext context)
        {
            var kernel = new SystemKernel(SystemName, context);
            kernel.AddInstance("once", context.CreateComponent<Once>("once"), hasControl: true);
            return kernel;
        }
    }

    private sealed class Once(Journal journal) : Component
    {
        protected internal override void Run() => journal.Lines.Enqueue("once: ran");
    }

    /// <summary>Its control thread throws and nobody handles the fault.</summary>
    private sealed class FaultingSystem : ICamkesSystem
    {
        public static string SystemName => "Faulting";

        public static IReadOnlyList<string> Nodes { get; } = ["default"];

        public static SystemKernel Create(SystemContext context)
        {
            var kernel = new SystemKernel(SystemName, context);
            kernel.AddInstance("faulty", context.CreateComponent<Faulty>("faulty"), hasControl: true);
            return kernel;
        }
    }

    private sealed class Faulty : Component
    {
        protected internal override void Run() => throw new InvalidOperationException("the component failed");
    }

    /// <summary>A native and a unicore component whose constructors take services.</summary>
    private sealed class InjectedSystem : ICamkesSystem
    {
        public static string SystemName => "Injected";

        public static IReadOnlyList<string> Nodes { get; } = ["default"];

        public static SystemKernel Create(SystemContext context)
        {
            var kernel = new SystemKernel(SystemName, context);
            kernel.AddInstance("native", context.CreateComponent<NativeGreeter>("native"), hasControl: true);
            kernel.AddInstance("unicore", context.CreateComponent<UnicoreGreeter>("unicore"), new InstanceOptions { HasControl = true, Threading = new UnicoreThreadingModel("unicore") });
            return kernel;
        }
    }

    private sealed class NativeGreeter : Component
    {
        private readonly Journal _journal;
        private readonly string _greeting;

        public NativeGreeter(Journal journal, IOptions<GreetingOptions> options, ILogger<NativeGreeter> logger, TimeProvider time)
        {
            ArgumentNullException.ThrowIfNull(time);
            _journal = journal;
            _greeting = options.Value.Text;
            logger.LogInformation("native greeter made");
        }

        protected internal override void Run() => _journal.Lines.Enqueue("native: " + _greeting);
    }

    private sealed class UnicoreGreeter : Component
    {
        private readonly Journal _journal;
        private readonly string _greeting;

        public UnicoreGreeter(Journal journal, IOptions<GreetingOptions> options, ILogger<UnicoreGreeter> logger)
        {
            _journal = journal;
            _greeting = options.Value.Text;
            _journal.Lines.Enqueue(VirtualCpu.Current is null ? "unicore: built on a thread that is not its CPU" : "unicore: built on a CPU");
            logger.LogInformation("unicore greeter made");
        }

        protected internal override void Init()
        {
            if (Cpu is { IsCurrent: true })
            {
                _journal.Lines.Enqueue("unicore: init on its cpu");
            }
        }

        protected internal override async Task RunAsync()
        {
            await Task.Yield();
            _journal.Lines.Enqueue("unicore: " + _greeting);
        }
    }
}
