using System.Collections.Concurrent;
using UxRt.Camkes.Runtime.Components;
using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Tests.Support;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Tests.Threading;

/// <summary>
/// The promise of the unicore model: whatever thread delivers the work (clients, signallers,
/// timers, the kernel), every piece of a unicore component's code runs on its CPU's one OS
/// thread, one piece at a time.
/// </summary>
public sealed class UnicoreThreadIdentityTests
{
    private static readonly string[] EveryPiece =
    [
        "init", "control", "thread", "timer", "callback",
        "threaded", "passive", "direct", "threaded async", "passive async", "direct async",
    ];

    [Fact]
    public void Every_piece_of_a_unicore_component_runs_on_its_cpu_thread_and_never_two_at_once()
    {
        const int Clients = 8;
        const int Rounds = 200;
        using var kernel = new SystemKernel("identity");
        var inside = new Occupancy();
        using var clientsDone = new CancellationTokenSource();
        var monitorModel = new UnicoreThreadingModel("monitor");
        var monitor = kernel.AddInstance("monitor", new ThreadRecordingFaultHandler(), new InstanceOptions { Threading = monitorModel });
        var model = new UnicoreThreadingModel("server");
        var server = kernel.AddInstance("server", new ScriptedComponent
        {
            OnInit = _ => inside.Occupy("init"),
            OnRunAsync = async self =>
            {
                inside.Occupy("control");
                await Task.Yield();
                inside.Occupy("control");
                if (self.RunCount == 1)
                {
                    // Ends the first control thread with a fault: the instance is restarted on its CPU.
                    throw new InvalidOperationException("the first run fails");
                }

                using var timer = self.StartTimer(TimeSpan.FromMilliseconds(2), () => inside.Occupy("timer"));
                var worker = self.StartThread("worker", async () =>
                {
                    while (!clientsDone.IsCancellationRequested)
                    {
                        inside.Occupy("thread");
                        await Task.Yield();
                        inside.Occupy("thread");
                        await self.DelayAsync(TimeSpan.FromMilliseconds(1));
                    }
                });
                while (!clientsDone.IsCancellationRequested)
                {
                    inside.Occupy("control");
                    await self.DelayAsync(TimeSpan.FromMilliseconds(1));
                    inside.Occupy("control");
                    await Task.Yield();
                }

                await worker;
            },
        }, new InstanceOptions { HasControl = true, FaultPolicy = FaultPolicy.Restart, Threading = model });
        kernel.SetFaultHandler("server", monitor);
        var badgeMismatches = 0;
        var endpoints = new[]
        {
            kernel.Serve(EndpointKind.Threaded, "server", "threaded", new CalculatorDispatcher(new OccupyingCalculator(inside, "threaded", () => badgeMismatches++))),
            kernel.Serve(EndpointKind.Passive, "server", "passive", new CalculatorDispatcher(new OccupyingCalculator(inside, "passive", () => badgeMismatches++))),
            kernel.Serve(EndpointKind.Direct, "server", "direct", new CalculatorDispatcher(new OccupyingCalculator(inside, "direct", () => badgeMismatches++))),
            kernel.Serve(EndpointKind.Threaded, "server", "threaded async", new CalculatorAsyncDispatcher(new YieldingCalculator(inside, "threaded async", () => badgeMismatches++))),
            kernel.Serve(EndpointKind.Passive, "server", "passive async", new CalculatorAsyncDispatcher(new YieldingCalculator(inside, "passive async", () => badgeMismatches++))),
            kernel.Serve(EndpointKind.Direct, "server", "direct async", new CalculatorAsyncDispatcher(new YieldingCalculator(inside, "direct async", () => badgeMismatches++))),
        };
        var ticks = kernel.CreateNotification("server", "ticks");
        using var registration = ticks.RegisterCallback(_ => inside.Occupy("callback"));

        kernel.Start();
        Bounded.RunThreads(Enumerable.Range(1, Clients).Select(client => (Action)(() =>
        {
            var calculators = endpoints.Select(endpoint => new CalculatorClient(endpoint, badge: client)).ToArray();
            for (var round = 0; round < Rounds; round++)
            {
                foreach (var calculator in calculators)
                {
                    Assert.Equal(round + client, calculator.Add(round, client));
                }

                ticks.Signal();
            }
        })).ToArray());

        // Timer ticks and the restarted control thread's work arrive on their own schedule: wait until each kind has run.
        Assert.True(
            SpinWait.SpinUntil(() => EveryPiece.All(piece => inside.Entries(piece) > 0), Bounded.Wait),
            "never ran: " + string.Join(", ", EveryPiece.Where(piece => inside.Entries(piece) == 0)));
        clientsDone.Cancel();
        Assert.True(kernel.WaitForControlThreads(Bounded.Wait));
        Assert.Empty(kernel.Stop());

        Assert.Equal([model.Cpu.ThreadId], inside.ThreadIds);
        Assert.Equal(1, inside.MostAtOnce);
        Assert.Equal(0, badgeMismatches);
        Assert.Equal(2, server.InitCount);
        Assert.Equal(2, server.RunCount);
        Assert.All(EveryPiece.Skip(5), kind => Assert.Equal(Clients * Rounds, inside.Entries(kind) / (kind.EndsWith("async") ? 2 : 1)));
        var fault = Assert.Single(kernel.Faults, f => f.Exception is not CpuHeldTooLongException);
        Assert.Equal(("server", "server.control"), (fault.Instance, fault.Thread));

        // The fault was posted to the monitor's CPU, which handles it on its own schedule.
        Assert.True(SpinWait.SpinUntil(() => monitor.Faults.Count == 1, Bounded.Wait), "the monitor never got the fault");
        Assert.Equal([fault], monitor.Faults);
        Assert.Equal([monitorModel.Cpu.ThreadId], monitor.ThreadIds);
        Assert.NotEqual(model.Cpu.ThreadId, monitorModel.Cpu.ThreadId);
    }

    [Fact]
    public void A_unicore_fault_handler_runs_on_its_own_cpu_whichever_thread_faulted()
    {
        using var kernel = new SystemKernel("handled");
        var monitorModel = new UnicoreThreadingModel("monitor");
        var monitor = kernel.AddInstance("monitor", new ThreadRecordingFaultHandler(), new InstanceOptions { Threading = monitorModel });
        kernel.AddInstance("native", new ScriptedComponent { OnRun = _ => throw new InvalidOperationException("native") }, hasControl: true);
        kernel.AddInstance("unicore", new ScriptedComponent
        {
            OnRunAsync = async _ =>
            {
                await Task.Yield();
                throw new InvalidOperationException("unicore");
            },
        }, new InstanceOptions { HasControl = true, Threading = new UnicoreThreadingModel("unicore") });
        kernel.SetFaultHandler("native", monitor);
        kernel.SetFaultHandler("unicore", monitor);

        kernel.Start();

        Assert.True(kernel.WaitForControlThreads(Bounded.Wait));
        Assert.True(SpinWait.SpinUntil(() => monitor.Faults.Count == 2, Bounded.Wait), "the monitor did not get both faults");
        Assert.Equal(["native", "unicore"], monitor.Faults.Select(f => f.Instance).Order());
        Assert.Equal([monitorModel.Cpu.ThreadId], monitor.ThreadIds);
        Assert.Empty(kernel.Stop());
    }

    /// <summary>A fault handler that notes the thread it was called on.</summary>
    private sealed class ThreadRecordingFaultHandler : Component, IFaultHandler
    {
        private readonly ConcurrentDictionary<int, byte> _threadIds = new();
        private readonly ConcurrentQueue<FaultRecord> _faults = new();

        public IReadOnlyCollection<int> ThreadIds => _threadIds.Keys.ToArray();

        public IReadOnlyCollection<FaultRecord> Faults => _faults;

        public void HandleFault(FaultRecord fault)
        {
            _threadIds.TryAdd(Environment.CurrentManagedThreadId, 0);
            _faults.Enqueue(fault);
        }
    }

    /// <summary>Answers <c>add</c> from inside the component, checking the sender id is the caller's badge.</summary>
    private sealed class OccupyingCalculator(Occupancy inside, string kind, Action badgeMismatch) : StubCalculator
    {
        public override int Add(int a, int b)
        {
            inside.Occupy(kind);
            if (CallContext.SenderBadge != b)
            {
                badgeMismatch();
            }

            return a + b;
        }
    }

    /// <summary>Answers <c>add</c> in two pieces with an await between, during which the CPU runs other work.</summary>
    private sealed class YieldingCalculator(Occupancy inside, string kind, Action badgeMismatch) : StubAsyncCalculator
    {
        public override async ValueTask<int> AddAsync(int a, int b)
        {
            inside.Occupy(kind);
            await Task.Yield();
            inside.Occupy(kind);

            // The sender id follows the handler's lightweight thread across the await.
            if (CallContext.SenderBadge != b)
            {
                badgeMismatch();
            }

            return a + b;
        }
    }
}
