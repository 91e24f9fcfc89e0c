using System.Diagnostics;

namespace UxRt.Camkes.Adl.Tests.Fuzzing;

/// <summary>A finding: the input that broke <see cref="FrontEndOracle"/> and how.</summary>
internal sealed record FuzzFinding(string Spec, int Seed, int Iteration, string Failure, string Input)
{
    public override string ToString() => FrontEndOracle.Describe(Spec, Seed, Iteration, Failure);
}

/// <summary>What a run did: how many inputs it tried, and what broke.</summary>
internal sealed record FuzzRun(int Iterations, TimeSpan Elapsed, List<FuzzFinding> Findings);

/// <summary>
/// The in-process mutation fuzzer over the spec corpus: iteration i of seed s mutates corpus spec
/// (s + i) mod n with a <see cref="Random"/> seeded from (s, i), so any finding is replayed by its
/// seed and iteration alone, whatever ran before it. Runs until an iteration count or a time budget
/// is spent, whichever comes first.
/// </summary>
internal sealed class MutationFuzzer
{
    private readonly string[] _specs;
    private readonly string[] _texts;

    public MutationFuzzer()
    {
        _specs = Corpus.SeedSpecs().ToArray();
        _texts = _specs.Select(File.ReadAllText).ToArray();
    }

    public FuzzRun Run(int seed, int maxIterations, TimeSpan budget, string? findingsDirectory = null)
    {
        var findings = new List<FuzzFinding>();
        var clock = Stopwatch.StartNew();
        var iteration = 0;
        for (; iteration < maxIterations && clock.Elapsed < budget; iteration++)
        {
            if (RunOne(seed, iteration) is { } finding)
            {
                findings.Add(finding);
                Save(finding, findingsDirectory);
            }
        }

        return new FuzzRun(iteration, clock.Elapsed, findings);
    }

    /// <summary>Replays one iteration: the same mutation of the same spec, checked again.</summary>
    public FuzzFinding? RunOne(int seed, int iteration)
    {
        var index = (int)(((long)seed + iteration) % _specs.Length);
        // HashCode.Combine is randomised per process; replaying needs the same number every time.
        var random = new Random(unchecked((seed * 1_000_003) + iteration));
        var input = SpecMutator.Mutate(random, _texts[index], Path.GetFileName(_specs[index]), _texts);
        return FrontEndOracle.Check(_specs[index], input, FrontEndOracle.CorpusOptions) is { } failure
            ? new FuzzFinding(_specs[index], seed, iteration, failure, input)
            : null;
    }

    // A finding is kept as the input and a note, ready to become a file in Corpus/regressions.
    private static void Save(FuzzFinding finding, string? directory)
    {
        if (directory is null)
        {
            return;
        }

        Directory.CreateDirectory(directory);
        var name = $"seed{finding.Seed}-iteration{finding.Iteration}";
        File.WriteAllText(Path.Combine(directory, name + ".camkes"), finding.Input);
        File.WriteAllText(Path.Combine(directory, name + ".txt"), finding + Environment.NewLine);
    }
}
