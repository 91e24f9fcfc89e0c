using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using UxRt.Camkes.Compiler.Generator;

namespace UxRt.Camkes.Benchmarks.FrontEnd;

/// <summary>
/// Runs <see cref="CamkesGenerator"/> the way `dotnet build` does, through Roslyn's
/// <see cref="GeneratorDriver"/>: a spec as an additional file, MSBuild properties as global
/// options, C# sources in the compilation. Steps are tracked, so a run can say which steps re-ran.
/// </summary>
internal sealed class GeneratorRun
{
    public const string SpecPath = "/bench/system.camkes";

    private static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview);

    public GeneratorRun(int components)
    {
        SpecText = GeneratedSystem.Write(components);
        Spec = new InMemoryText(SpecPath, SpecText);
        Compilation = CSharpCompilation.Create(
            "Bench",
            new[] { CSharpSyntaxTree.ParseText("namespace Bench; public static class Code { public static int Value => 1; }", ParseOptions, "/bench/Code.cs") },
            Array.Empty<MetadataReference>(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        EditedCompilation = Compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Bench; internal static class Unrelated { }", ParseOptions, "/bench/Unrelated.cs"));

        // A one-line edit: the value of one setting, as a user tuning a spec would make it.
        EditedSpec = new InMemoryText(SpecPath, GeneratedSystem.EditOneLine(SpecText));
    }

    public string SpecText { get; }

    public AdditionalText Spec { get; }

    public AdditionalText EditedSpec { get; }

    public Compilation Compilation { get; }

    public Compilation EditedCompilation { get; }

    public GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            new[] { new CamkesGenerator().AsSourceGenerator() },
            new[] { Spec },
            ParseOptions,
            new Properties(new Dictionary<string, string>
            {
                ["build_property.RootNamespace"] = "Bench",
                ["build_property.MSBuildProjectDirectory"] = "/bench",
            }),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Step outputs of one run by whether they were computed again (New, Modified, Removed) or reused (Cached, Unchanged).</summary>
    public static (int Rerun, int Total) CountSteps(GeneratorDriver driver)
    {
        var result = driver.GetRunResult().Results.Single();
        if (result.Exception is { } exception)
        {
            throw new InvalidOperationException("the generator failed", exception);
        }

        var outputs = result.TrackedSteps.Values.SelectMany(steps => steps).SelectMany(step => step.Outputs).ToList();
        var rerun = outputs.Count(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified or IncrementalStepRunReason.Removed);
        return (rerun, outputs.Count);
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class Properties(Dictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        private static readonly Options None = new(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(values);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => None;

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
