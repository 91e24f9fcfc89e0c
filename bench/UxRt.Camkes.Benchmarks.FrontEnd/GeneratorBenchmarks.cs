using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace UxRt.Camkes.Benchmarks.FrontEnd;

/// <summary>
/// The whole source generator (front end, view models, templates) through Roslyn's
/// <see cref="GeneratorDriver"/> on systems of 100, 1,000 and 10,000 components. The baseline is a
/// full run (a fresh driver); against it, in the same run, an incremental run after an unrelated
/// C# edit and one after a one-line spec edit, each from a driver that has run once already.
/// </summary>
public class GeneratorBenchmarks
{
    private GeneratorRun _run = null!;
    private GeneratorDriver _warm = null!;

    [Params(100, 1_000, 10_000)]
    public int Components { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _run = new GeneratorRun(Components);
        _warm = _run.CreateDriver().RunGenerators(_run.Compilation);
        var generated = _warm.GetRunResult();
        if (generated.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) || generated.GeneratedTrees.Length == 0)
        {
            throw new InvalidOperationException("the generated spec does not generate: " + string.Join("\n", generated.Diagnostics.Take(5)));
        }
    }

    [Benchmark(Baseline = true, Description = "full run")]
    public int FullRun() => _run.CreateDriver().RunGenerators(_run.Compilation).GetRunResult().GeneratedTrees.Length;

    [Benchmark(Description = "after an unrelated C# edit")]
    public int AfterCSharpEdit() => _warm.RunGenerators(_run.EditedCompilation).GetRunResult().GeneratedTrees.Length;

    [Benchmark(Description = "after a one-line spec edit")]
    public int AfterSpecEdit() => _warm.ReplaceAdditionalText(_run.Spec, _run.EditedSpec).RunGenerators(_run.Compilation).GetRunResult().GeneratedTrees.Length;
}
