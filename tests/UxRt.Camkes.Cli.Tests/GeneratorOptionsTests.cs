using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using UxRt.Camkes.Compiler.Generator;

namespace UxRt.Camkes.Cli.Tests;

/// <summary>
/// The generator and the tool share one front end: MSBuild's CamkesDefines and CamkesIncludePath
/// reach the preprocessor exactly as `-D` and `-I` do on the command line.
/// </summary>
public sealed class GeneratorOptionsTests
{
    [Fact]
    public void Msbuild_definitions_and_include_path_reach_the_preprocessor()
    {
        var specs = new[] { CliRun.Spec("system.camkes"), CliRun.Spec("lib/Greeter.idl4") };
        var properties = new Dictionary<string, string>
        {
            ["build_property.CamkesDefines"] = "GREETING_PRIORITY=7;UNUSED",
            ["build_property.CamkesIncludePath"] = "lib",
            ["build_property.MSBuildProjectDirectory"] = CliRun.SpecsDirectory,
        };

        var withOptions = Run(specs, properties);
        var without = Run(specs, new Dictionary<string, string>());

        Assert.DoesNotContain(withOptions, d => d.Id is "ADL0020" or "ADL0004");
        Assert.Contains(without, d => d.Id == "ADL0020" && d.GetMessage().Contains("GREETING_PRIORITY", StringComparison.Ordinal));
        Assert.Contains(without, d => d.Id == "ADL0004");
    }

    private static ImmutableArray<Diagnostic> Run(string[] specs, Dictionary<string, string> properties)
    {
        var compilation = CSharpCompilation.Create("Generated", references: new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });
        var driver = CSharpGeneratorDriver.Create(
            new[] { new CamkesGenerator().AsSourceGenerator() },
            specs.Select(path => (AdditionalText)new SpecText(path)),
            optionsProvider: new Options(properties));
        return driver.RunGenerators(compilation).GetRunResult().Diagnostics;
    }

    private sealed class SpecText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
    }

    private sealed class Options(Dictionary<string, string> properties) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(properties);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Values(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Values(new Dictionary<string, string>());
    }

    private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
