using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Simulation;

namespace UxRt.Camkes.Benchmarks.Runtime;

/// <summary>
/// Deterministic simulation (runtime/Simulation/): one schedule of examples/Pipeline and of
/// examples/RumpNet explored under the seeded scheduler on virtual time, against the same system
/// run once on real threads (the baseline of its group), in the same run. Schedules explored per
/// second is one over the simulated operation's time. Each operation builds, starts, runs to the
/// end and stops the whole system; the simulated ones keep no trace, as an exploration run for
/// speed would.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SimulationBenchmarks
{
    private const string Pipeline = "Pipeline (1000 samples)";
    private const string RumpNet = "RumpNet";

    private static readonly SimulationOptions Options = new() { RecordTrace = false };
    private int _seed;
    private TextWriter _console = null!;

    // The examples print what they do; the benchmark's own output stays readable without it.
    [GlobalSetup]
    public void Setup()
    {
        _console = Console.Out;
        Console.SetOut(TextWriter.Null);
    }

    [GlobalCleanup]
    public void Cleanup() => Console.SetOut(_console);

    [Benchmark(Baseline = true, Description = "on real threads")]
    [BenchmarkCategory(Pipeline)]
    public int PipelineOnRealThreads() => RunOnRealThreads(global::Pipeline.PipelineSystem.Create);

    [Benchmark(Description = "one simulated schedule")]
    [BenchmarkCategory(Pipeline)]
    public int PipelineSimulated() => Simulated(global::Pipeline.PipelineSystem.Create);

    [Benchmark(Baseline = true, Description = "on real threads")]
    [BenchmarkCategory(RumpNet)]
    public int RumpNetOnRealThreads() => RunOnRealThreads(global::RumpNet.RumpNetSystem.Create);

    [Benchmark(Description = "one simulated schedule")]
    [BenchmarkCategory(RumpNet)]
    public int RumpNetSimulated() => Simulated(global::RumpNet.RumpNetSystem.Create);

    private static int RunOnRealThreads(Func<SystemContext, SystemKernel> create)
    {
        using var kernel = create(SystemContext.Standalone());
        kernel.Start();
        if (!kernel.WaitUntilFinished(TimeSpan.FromSeconds(60)))
        {
            throw new TimeoutException("the system did not finish within 60 s");
        }

        return kernel.Stop().Count;
    }

    private int Simulated(Func<SystemContext, SystemKernel> create)
    {
        var schedule = Simulation.Run(create, _seed++, Options);
        return schedule.Passed ? schedule.Steps : throw new InvalidOperationException(schedule.ToString());
    }
}
