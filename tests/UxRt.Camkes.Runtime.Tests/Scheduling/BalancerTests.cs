using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using UxRt.Camkes.Runtime.Diagnostics;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Scheduling;
using UxRt.Camkes.Runtime.Tests.Support;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Tests.Scheduling;

/// <summary>
/// The idle-core balancer on a real machine: busy unicore components pinned to the first core,
/// the others idle. What the components report comes from <c>sched_getcpu</c> on their own CPU.
/// Waits are bounded; none of them is a sleep standing in for synchronisation.
/// </summary>
[Collection(Placement.Name)]
public sealed class BalancerTests
{
    // Generous: a core other builds keep busy lends its SCHED_IDLE probe only a sliver of time.
    private static readonly TimeSpan MoveBound = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public void Of_two_busy_components_pinned_to_one_core_with_migratable_one_is_moved_to_the_idle_core()
    {
        Skip.IfNot(Placement.CanPin(out var cores), Placement.CannotPinReason);

        var moves = new ConcurrentQueue<(string Thread, int From, int To)>();
        using var listener = ListenToMoves(moves);
        var logger = new RecordingLogger();
        using var kernel = new SystemKernel("balanced", logger);
        kernel.EnableIdleBalancer();
        var first = Spinner.Add(kernel, "first", cores[0], migratable: true);
        var second = Spinner.Add(kernel, "second", cores[0], migratable: true);

        kernel.Start();
        var moved = WaitHandle.WaitAny([first.LeftHome.WaitHandle, second.LeftHome.WaitHandle], MoveBound);
        var balancer = kernel.Balancer;
        Assert.Empty(kernel.Stop());

        Assert.NotEqual(WaitHandle.WaitTimeout, moved);
        Assert.NotNull(balancer);
        Assert.InRange(balancer.Moves, 1, 10);
        var (stayed, went) = moved == 0 ? (second, first) : (first, second);
        Assert.Contains(went.CoresSeen, core => core != cores[0]);
        Assert.Equal([cores[0]], stayed.CoresSeen.Distinct().Order());
        Assert.Contains(moves, m => m.Thread == $"{went.Name}.cpu" && m.From == cores[0] && m.To != cores[0]);
        Assert.Contains(logger.Entries, e => e.Message.Contains($"moved {went.Name}.cpu from core {cores[0]}", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Components_pinned_without_migratable_never_move_while_the_balancer_judges_the_idle_core()
    {
        Skip.IfNot(Placement.CanPin(out var cores), Placement.CannotPinReason);

        using var kernel = new SystemKernel("pinned");
        kernel.EnableIdleBalancer();
        var first = Spinner.Add(kernel, "first", cores[0], migratable: false);
        var second = Spinner.Add(kernel, "second", cores[0], migratable: false);

        kernel.Start();
        var balancer = kernel.Balancer;
        Assert.NotNull(balancer);

        // Each round is one core's idle report, judged against the threads' real states. Besides the
        // probes' own reports, every core reports on demand (twice), so the test does not depend on
        // how much time the machine's other work leaves the probes.
        var steady = SpinWait.SpinUntil(() => first.Iterations > 0 && second.Iterations > 0, MoveBound);
        var judged = ReportEveryCore(balancer, cores, times: 2);
        Assert.Empty(kernel.Stop());

        Assert.True(judged, "the balancer judged no idle report in time");
        Assert.True(steady, "the components did not run");
        Assert.Equal(0, balancer.Moves);
        Assert.Equal([cores[0]], first.CoresSeen.Distinct().Order());
        Assert.Equal([cores[0]], second.CoresSeen.Distinct().Order());
    }

    [SkippableFact]
    public void Of_three_pinned_components_only_the_migratable_one_moves()
    {
        Skip.IfNot(Placement.CanPin(out var cores), Placement.CannotPinReason);

        using var kernel = new SystemKernel("mixed");
        kernel.EnableIdleBalancer();
        var fixedOne = Spinner.Add(kernel, "fixed1", cores[0], migratable: false);
        var fixedTwo = Spinner.Add(kernel, "fixed2", cores[0], migratable: false);
        var mobile = Spinner.Add(kernel, "mobile", cores[0], migratable: true);

        kernel.Start();
        var moved = mobile.LeftHome.Wait(MoveBound);
        Assert.Empty(kernel.Stop());

        Assert.True(moved, "the migratable component was not moved in time");
        Assert.False(fixedOne.LeftHome.IsSet);
        Assert.False(fixedTwo.LeftHome.IsSet);
        Assert.Equal(0, kernel.Placements.Where(p => p.Name.StartsWith("fixed", StringComparison.Ordinal)).Sum(p => p.Moves));
    }

    [SkippableFact]
    public void A_native_interface_thread_marked_migratable_is_moved_and_a_pinned_native_thread_stays()
    {
        Skip.IfNot(Placement.CanPin(out var cores), Placement.CannotPinReason);

        using var kernel = new SystemKernel("native");
        kernel.EnableIdleBalancer();
        var fixedCores = new ConcurrentDictionary<int, bool>();
        kernel.AddInstance("fixed", new ScriptedComponent
        {
            OnRun = component =>
            {
                while (!component.Stop.IsCancellationRequested)
                {
                    Thread.SpinWait(20_000);
                    fixedCores.TryAdd(OsScheduling.CurrentCore(), true);
                }
            },
        }, new InstanceOptions { HasControl = true, ControlThread = new ThreadSettings(Affinity: cores[0]) });
        kernel.AddInstance("server", new ScriptedComponent(), hasControl: false);
        var handler = new BusyHandler(cores[0]);
        var endpoint = kernel.Serve("server", "calc", new CalculatorDispatcher(handler), new ThreadSettings(Affinity: cores[0], Migratable: true));

        kernel.Start();
        var moved = false;
        Bounded.RunThreads(() => new CalculatorClient(endpoint, badge: 1).Add(1, 2), () =>
        {
            moved = handler.LeftHome.Wait(MoveBound);
            handler.Release();
        });
        Assert.Empty(kernel.Stop());

        Assert.True(moved, "the migratable interface thread was not moved in time");
        Assert.Equal([cores[0]], fixedCores.Keys.Order());
        Assert.Equal(1, Assert.Single(kernel.Placements, p => p.Name == "server.calc").Moves);
        Assert.Equal(0, Assert.Single(kernel.Placements, p => p.Name == "fixed.control").Moves);
    }

    [SkippableFact]
    public void No_move_when_every_core_is_busy()
    {
        Skip.IfNot(Placement.CanPin(out var cores), Placement.CannotPinReason);

        using var kernel = new SystemKernel("all busy");

        // The probes first report after 2 s, once every component is busy (a report before that could rightly move one).
        kernel.EnableIdleBalancer(new IdleBalancerOptions { MinProbeInterval = TimeSpan.FromSeconds(2), MaxProbeInterval = TimeSpan.FromSeconds(2) });
        var crowded = new[]
        {
            Spinner.Add(kernel, "crowded1", cores[0], migratable: true),
            Spinner.Add(kernel, "crowded2", cores[0], migratable: true),
        };

        // One busy component on every other core, pinned there.
        var others = cores.Skip(1).Select(core => Spinner.Add(kernel, $"core{core}", core, migratable: false)).ToList();

        kernel.Start();
        var balancer = kernel.Balancer;
        Assert.NotNull(balancer);

        // A busy core's SCHED_IDLE probe runs rarely, if ever. So each core reports itself idle on
        // demand, as its probe would, and the balancer judges it against the threads' real states.
        var everyoneRan = SpinWait.SpinUntil(() => crowded.Concat(others).All(s => s.Iterations > 0), MoveBound);
        var judged = ReportEveryCore(balancer, cores, times: 1);
        Assert.Empty(kernel.Stop());

        Assert.True(everyoneRan);
        Assert.True(judged, "a report was not judged in time");
        Assert.Equal(0, balancer.Moves);
        Assert.All(crowded, s => Assert.False(s.LeftHome.IsSet));
    }

    [SkippableFact]
    public void A_core_that_was_not_idle_enough_since_its_last_report_gets_no_thread()
    {
        Skip.IfNot(Placement.CanPin(out var cores), Placement.CannotPinReason);

        using var kernel = new SystemKernel("demanding");

        // No core is ever idle more than all of the time: with this minimum, no report may lead to a move.
        kernel.EnableIdleBalancer(new IdleBalancerOptions { MinIdleShare = 1.5 });
        var first = Spinner.Add(kernel, "first", cores[0], migratable: true);
        var second = Spinner.Add(kernel, "second", cores[0], migratable: true);

        kernel.Start();
        var balancer = kernel.Balancer;
        Assert.NotNull(balancer);
        var steady = SpinWait.SpinUntil(() => first.Iterations > 0 && second.Iterations > 0, MoveBound);
        var judged = ReportEveryCore(balancer, cores, times: 3);
        Assert.Empty(kernel.Stop());

        Assert.True(steady && judged);
        Assert.Equal(0, balancer.Moves);
        Assert.False(first.LeftHome.IsSet || second.LeftHome.IsSet);
    }

    [SkippableFact]
    public void The_balancer_and_its_idle_probes_stop_with_the_system()
    {
        Skip.IfNot(Placement.CanPin(out var cores), Placement.CannotPinReason);

        var kernel = new SystemKernel("stopping");
        kernel.EnableIdleBalancer();
        Spinner.Add(kernel, "only", cores[0], migratable: true);
        kernel.Start();
        var balancer = kernel.Balancer;
        Assert.NotNull(balancer);
        Assert.True(balancer.IsRunning);
        var threads = balancer.Threads;
        Assert.Equal(1 + cores.Count, threads.Count);
        Assert.True(ReportEveryCore(balancer, cores, times: 1), "no report was judged");

        Assert.Empty(kernel.Stop());
        kernel.Dispose();

        Assert.False(balancer.IsRunning);
        Assert.All(threads, thread => Assert.False(thread.IsAlive, $"{thread.Name} is still running"));
    }

    [Fact]
    public void Options_that_make_no_sense_are_refused_when_the_balancer_is_enabled()
    {
        using var kernel = new SystemKernel("odd");
        Assert.Throws<ArgumentOutOfRangeException>(() => kernel.EnableIdleBalancer(new IdleBalancerOptions { MinProbeInterval = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => kernel.EnableIdleBalancer(new IdleBalancerOptions { MaxProbeInterval = TimeSpan.FromMilliseconds(1) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => kernel.EnableIdleBalancer(new IdleBalancerOptions { MinIdleShare = -0.1 }));
        kernel.Start();
        Assert.Throws<InvalidOperationException>(() => kernel.EnableIdleBalancer());
        Assert.Empty(kernel.Stop());
    }

    [Fact]
    public void Without_the_setting_there_is_no_balancer()
    {
        using var kernel = new SystemKernel("plain");
        kernel.AddInstance("only", new ScriptedComponent(), hasControl: false);
        kernel.Start();
        Assert.Null(kernel.Balancer);
        Assert.Empty(kernel.Stop());
    }

    // Reports each core idle, as its probe would, and waits (bounded) until the balancer has judged each report.
    private static bool ReportEveryCore(IdleCoreBalancer balancer, IReadOnlyList<int> cores, int times) =>
        Enumerable.Range(0, times).All(_ => cores.All(core =>
        {
            var before = balancer.Rounds;
            balancer.ReportIdle(core);
            return SpinWait.SpinUntil(() => balancer.Rounds > before, MoveBound);
        }));

    private static MeterListener ListenToMoves(ConcurrentQueue<(string Thread, int From, int To)> moves)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == KernelTelemetry.SourceName && instrument.Name == "camkes.balancer.moves")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            string thread = string.Empty;
            int from = -1, to = -1;
            foreach (var tag in tags)
            {
                switch (tag.Key)
                {
                    case "camkes.thread":
                        thread = (string)tag.Value!;
                        break;
                    case "camkes.core.from":
                        from = (int)tag.Value!;
                        break;
                    case "camkes.core.to":
                        to = (int)tag.Value!;
                        break;
                }
            }

            moves.Enqueue((thread, from, to));
        });
        listener.Start();
        return listener;
    }

    /// <summary>A handler that keeps its interface thread busy until released, noting whether it ran away from home.</summary>
    private sealed class BusyHandler(int home) : StubCalculator
    {
        private volatile bool _released;

        public ManualResetEventSlim LeftHome { get; } = new();

        public void Release() => _released = true;

        public override int Add(int a, int b)
        {
            while (!_released)
            {
                Thread.SpinWait(20_000);
                if (OsScheduling.CurrentCore() != home)
                {
                    LeftHome.Set();
                }
            }

            return a + b;
        }
    }

    /// <summary>A busy unicore component: short slices of work, a fair yield between them, and the core of each slice noted.</summary>
    private sealed class Spinner
    {
        private readonly ConcurrentDictionary<int, bool> _cores = new();
        private long _iterations;

        private Spinner(string name, int home)
        {
            Name = name;
            Home = home;
        }

        public string Name { get; }

        public int Home { get; }

        public ManualResetEventSlim LeftHome { get; } = new();

        public IEnumerable<int> CoresSeen => _cores.Keys;

        public long Iterations => Interlocked.Read(ref _iterations);

        public static Spinner Add(SystemKernel kernel, string name, int core, bool migratable)
        {
            var spinner = new Spinner(name, core);
            kernel.AddInstance(name, new ScriptedComponent { OnRunAsync = spinner.RunAsync }, new InstanceOptions
            {
                HasControl = true,
                ControlThread = new ThreadSettings(Affinity: core, Migratable: migratable),
                Threading = new UnicoreThreadingModel(name),
            });
            return spinner;
        }

        private async Task RunAsync(ScriptedComponent component)
        {
            while (!component.Stop.IsCancellationRequested)
            {
                Thread.SpinWait(20_000);
                var core = OsScheduling.CurrentCore();
                _cores.TryAdd(core, true);
                if (core != Home)
                {
                    LeftHome.Set();
                }

                Interlocked.Increment(ref _iterations);
                await Task.Yield();
            }
        }
    }
}
