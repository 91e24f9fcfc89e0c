using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using UxRt.Camkes.Runtime.Components;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Scheduling;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Benchmarks.Runtime;

/// <summary>
/// The idle-core balancer's worth: two CPU-bound unicore components started on one core
/// (<c>affinity = 0</c>, <c>migratable = true</c>), each doing the same fixed work, with and without
/// the balancer, in one run. The ratio is the throughput gain (the ideal on 2 idle cores is 2).
/// Each invocation prints when the balancer moved a component, so the move latency comes out too.
/// Linux with 2 cores or more; elsewhere both rows measure the same thing.
/// </summary>
public class BalancerThroughputBenchmarks
{
    /// <summary>Slices of work per component, each roughly a millisecond, with a fair yield between them.</summary>
    private const int Slices = 600;
    private const int SliceWork = 1_000_000;

    private readonly List<double> _moveLatencies = new();

    [Benchmark(Baseline = true, Description = "2 busy components on 1 core")]
    public long WithoutBalancer() => RunTwo(balancer: false);

    [Benchmark(Description = "the same with the idle-core balancer")]
    public long WithBalancer() => RunTwo(balancer: true);

    [GlobalCleanup]
    public void Report()
    {
        if (_moveLatencies.Count > 0)
        {
            _moveLatencies.Sort();
            Console.WriteLine($"// move latency (start → first move) over {_moveLatencies.Count} runs: median {_moveLatencies[_moveLatencies.Count / 2]:0.0} ms, min {_moveLatencies[0]:0.0} ms, max {_moveLatencies[^1]:0.0} ms");
        }
    }

    private long RunTwo(bool balancer) => RunTwo(balancer, _moveLatencies);

    /// <summary>Runs the two components to the end; a move's latency (from start) is added to <paramref name="moveLatencies"/>.</summary>
    internal static long RunTwo(bool balancer, List<double> moveLatencies)
    {
        var core = OsScheduling.AvailableCores[0];
        using var kernel = new SystemKernel("bench");
        if (balancer)
        {
            kernel.EnableIdleBalancer();
        }

        var first = new Cruncher();
        var second = new Cruncher();
        foreach (var (name, component) in new[] { ("first", first), ("second", second) })
        {
            kernel.AddInstance(name, component, new InstanceOptions
            {
                HasControl = true,
                ControlThread = new ThreadSettings(Affinity: core, Migratable: true),
                Threading = new UnicoreThreadingModel(name),
            });
        }

        var started = Stopwatch.GetTimestamp();
        long firstMove = 0;
        kernel.Start();
        if (kernel.Balancer is { } running)
        {
            running.Moved += _ => Interlocked.CompareExchange(ref firstMove, Stopwatch.GetTimestamp(), 0);
        }

        if (!kernel.WaitForControlThreads(TimeSpan.FromMinutes(2)))
        {
            throw new InvalidOperationException("the components did not finish");
        }

        kernel.Stop();
        if (firstMove != 0)
        {
            moveLatencies.Add(Stopwatch.GetElapsedTime(started, firstMove).TotalMilliseconds);
        }

        return first.Result ^ second.Result;
    }

    /// <summary>A CPU-bound unicore component: fixed work in slices, yielding its CPU's queue between them.</summary>
    private sealed class Cruncher : Component
    {
        public long Result { get; private set; }

        protected override async Task RunAsync()
        {
            var state = 88172645463325252UL;
            for (var slice = 0; slice < Slices; slice++)
            {
                for (var i = 0; i < SliceWork; i++)
                {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                }

                await Task.Yield();
            }

            Result = (long)state;
        }
    }
}

/// <summary>
/// The same two components, without and then with the balancer back to back in every invocation,
/// for a machine whose other load comes and goes: each pair sees nearly the same load, so the
/// median of the pairs' ratios is steadier than the ratio of two rows measured minutes apart. The
/// cleanup prints it; BenchmarkDotNet's time column is the pair's.
/// </summary>
public class BalancerPairedBenchmarks
{
    private readonly List<double> _ratios = new();
    private readonly List<double> _latencies = new();

    [Benchmark(Description = "2 busy components on 1 core, without then with the balancer")]
    public long Pair()
    {
        var without = Stopwatch.StartNew();
        var first = BalancerThroughputBenchmarks.RunTwo(balancer: false, _latencies);
        var withoutTime = without.Elapsed;
        var with = Stopwatch.StartNew();
        var second = BalancerThroughputBenchmarks.RunTwo(balancer: true, _latencies);
        _ratios.Add(withoutTime / with.Elapsed);
        return first ^ second;
    }

    [GlobalCleanup]
    public void Report()
    {
        if (_ratios.Count > 0)
        {
            var sorted = _ratios.Order().ToList();
            Console.WriteLine($"// throughput with the balancer / without, over {sorted.Count} pairs: median {sorted[sorted.Count / 2]:0.00}x, min {sorted[0]:0.00}x, max {sorted[^1]:0.00}x");
        }
    }
}

/// <summary>
/// The balancer's own cost when nothing needs moving: a system whose four unicore components sit
/// idle, so every core is idle and the probes report as often as the balancer lets them. Each
/// invocation runs the system for one second without the balancer and one second with it; the
/// process's CPU time (<c>CLOCK_PROCESS_CPUTIME_ID</c>) is taken over each second, and the
/// balancer's and probes' own threads are measured by their thread CPU clocks. The cleanup prints
/// both as shares of one core. The benchmark's own time is just the two seconds.
/// </summary>
public class BalancerCostBenchmarks
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly List<(double Off, double On, double Own, int Rounds)> _windows = new();

    [Benchmark(Description = "idle system, 1 s without + 1 s with the balancer")]
    public void IdleSystem()
    {
        var off = CpuShare(balancer: false, out _, out _);
        var on = CpuShare(balancer: true, out var own, out var rounds);
        _windows.Add((off, on, own, rounds));
    }

    [GlobalCleanup]
    public void Report()
    {
        if (_windows.Count == 0)
        {
            return;
        }

        static string Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return $"{sorted[sorted.Count / 2] * 100:0.000}%";
        }

        Console.WriteLine(
            $"// over {_windows.Count} windows of {Window.TotalSeconds:0} s, as medians of a core: process CPU without the balancer {Median(_windows.Select(w => w.Off))}, " +
            $"with it {Median(_windows.Select(w => w.On))}, difference {Median(_windows.Select(w => w.On - w.Off))}; the balancer's and probes' own threads {Median(_windows.Select(w => w.Own))} " +
            $"(max {_windows.Max(w => w.Own) * 100:0.000}%); {_windows.Select(w => w.Rounds).Order().ElementAt(_windows.Count / 2)} idle reports judged per window");
    }

    private static double CpuShare(bool balancer, out double ownShare, out int rounds)
    {
        using var kernel = new SystemKernel("idle");
        if (balancer)
        {
            kernel.EnableIdleBalancer();
        }

        for (var i = 0; i < 4; i++)
        {
            kernel.AddInstance($"idle{i}", new Sleeper(), new InstanceOptions { HasControl = true, Threading = new UnicoreThreadingModel($"idle{i}") });
        }

        kernel.Start();

        // Let the start settle (and the balancer back off to its resting rate) before measuring.
        Thread.Sleep(300);
        var processBefore = OsScheduling.ProcessCpuTime();
        var ownBefore = kernel.Balancer?.CpuTime ?? TimeSpan.Zero;
        var roundsBefore = kernel.Balancer?.Rounds ?? 0;
        var wall = Stopwatch.StartNew();
        Thread.Sleep(Window);
        var process = OsScheduling.ProcessCpuTime() - processBefore;
        var elapsed = wall.Elapsed;
        ownShare = ((kernel.Balancer?.CpuTime ?? TimeSpan.Zero) - ownBefore) / elapsed;
        rounds = (kernel.Balancer?.Rounds ?? 0) - roundsBefore;
        kernel.Stop();
        return process / elapsed;
    }

    /// <summary>A unicore component that waits for the system to stop without holding its CPU.</summary>
    private sealed class Sleeper : Component
    {
        protected override async Task RunAsync()
        {
            try
            {
                await Task.Delay(Timeout.Infinite, StopRequested);
            }
            catch (OperationCanceledException)
            {
                // The system is stopping.
            }
        }
    }
}
