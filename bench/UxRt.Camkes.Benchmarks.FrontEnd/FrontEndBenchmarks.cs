using BenchmarkDotNet.Attributes;
using UxRt.Camkes.Adl;
using UxRt.Camkes.Adl.Parsing;
using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Benchmarks.FrontEnd;

/// <summary>
/// The whole front end (preprocess, parse, resolve, flatten, check) against its first stage alone
/// (preprocess + parse, the baseline in the same run), on systems of 100, 1,000 and 10,000
/// components. Near-linear growth shows as time per component staying flat across the sizes.
/// </summary>
public class FrontEndBenchmarks
{
    private const string SpecPath = "/bench/system.camkes";

    private string _text = string.Empty;
    private InMemorySourceProvider _sources = new();

    [Params(100, 1_000, 10_000)]
    public int Components { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _text = GeneratedSystem.Write(Components);
        _sources = new InMemorySourceProvider().Add(SpecPath, _text);

        // A benchmark of a spec with errors would measure the wrong thing.
        var result = AdlFrontEnd.Compile(SpecPath, _sources, FrontEndOptions.Default);
        if (result.HasErrors || result.Model!.Instances.Count != Components + 1)
        {
            throw new InvalidOperationException("the generated spec does not compile: " + string.Join("\n", result.Diagnostics.Take(5)));
        }
    }

    [Benchmark(Baseline = true, Description = "preprocess + parse")]
    public int PreprocessAndParse()
    {
        var diagnostics = new Adl.Diagnostics.DiagnosticBag();
        var preprocessed = Preprocessor.Run(SpecPath, _text, _sources, FrontEndOptions.Default, diagnostics);
        return AdlParser.Parse(SpecPath, preprocessed.Text, preprocessed.LineMap).Syntax.Definitions.Count;
    }

    [Benchmark(Description = "whole front end")]
    public int Compile() => AdlFrontEnd.Compile(SpecPath, _sources, FrontEndOptions.Default).Model!.Connections.Count;
}
