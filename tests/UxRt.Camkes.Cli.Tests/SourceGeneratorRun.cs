using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using UxRt.Camkes.Compiler.Generator;

namespace UxRt.Camkes.Cli.Tests;

/// <summary>
/// Runs the real source generator over spec files on disk, with MSBuild properties as `dotnet
/// build` would pass them, so that tests can compare it with the command-line tool.
/// </summary>
internal static class SourceGeneratorRun
{
    public static GeneratorRunResult Run(IEnumerable<string> specPaths, IReadOnlyDictionary<string, string>? msbuildProperties = null)
    {
        var compilation = CSharpCompilation.Create(
            "Generated",
            references: new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var driver = CSharpGeneratorDriver.Create(
            new[] { new CamkesGenerator().AsSourceGenerator() },
            specPaths.Select(path => (AdditionalText)new SpecFile(path)),
            optionsProvider: new Properties(msbuildProperties ?? new Dictionary<string, string>()));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        return result;
    }

    private sealed class SpecFile(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
    }

    private sealed class Properties(IReadOnlyDictionary<string, string> properties) : AnalyzerConfigOptionsProvider
    {
        private static readonly Values None = new(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(properties);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => None;
    }

    private sealed class Values(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
