using Xunit.Abstractions;

namespace UxRt.Camkes.Adl.Tests.Fuzzing;

/// <summary>
/// The mutation fuzzer as a test: briefly in every run (a fixed seed, a few seconds), for as long as
/// wanted through the environment (<c>tools/fuzz/run-mutation.sh</c> sets these):
/// <c>CAMKES_FUZZ_SEED</c>, <c>CAMKES_FUZZ_ITERATIONS</c>, <c>CAMKES_FUZZ_SECONDS</c>, and
/// <c>CAMKES_FUZZ_FINDINGS</c> (a directory to write each failing input to).
/// Each finding, once fixed, is kept in <c>Corpus/regressions</c> and checked by the theory below.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int BriefSeed = 20;
    private const int BriefIterations = 400;
    private static readonly TimeSpan BriefBudget = TimeSpan.FromSeconds(4);

    public static TheoryData<string> Regressions()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Corpus.Directory, "regressions"), "*.camkes").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void Mutated_corpus_specs_stay_within_the_front_ends_bounds()
    {
        var seed = Setting("CAMKES_FUZZ_SEED", BriefSeed);
        var iterations = Setting("CAMKES_FUZZ_ITERATIONS", BriefIterations);
        var budget = TimeSpan.FromSeconds(Setting("CAMKES_FUZZ_SECONDS", (int)BriefBudget.TotalSeconds));

        var run = new MutationFuzzer().Run(seed, iterations, budget, Environment.GetEnvironmentVariable("CAMKES_FUZZ_FINDINGS"));

        output.WriteLine($"seed {seed}: {run.Iterations} inputs in {run.Elapsed.TotalSeconds:F1} s, {run.Findings.Count} findings");
        Assert.True(run.Findings.Count == 0, string.Join(Environment.NewLine, run.Findings.Take(5)));
    }

    [Theory]
    [MemberData(nameof(Regressions))]
    public void An_earlier_finding_stays_fixed(string file)
    {
        var path = Path.Combine(Corpus.Directory, "regressions", file);

        Assert.Null(FrontEndOracle.Check(path, File.ReadAllText(path), Corpus.Options));
    }

    [Fact]
    public void A_finding_is_replayed_by_its_seed_and_iteration()
    {
        var fuzzer = new MutationFuzzer();

        // Same seed and iteration, same mutation: checked through what the oracle sees.
        Assert.Equal(fuzzer.RunOne(7, 3)?.Input, fuzzer.RunOne(7, 3)?.Input);
        Assert.Equal(Mutation(7, 3), Mutation(7, 3));
    }

    private static string Mutation(int seed, int iteration) =>
        SpecMutator.Mutate(new Random(unchecked((seed * 1_000_003) + iteration)), "assembly { composition { } }", "spec.camkes", new[] { "component C { }" });

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;
}
