using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace UxRt.Camkes.Analyzers.Tests;

/// <summary>
/// Runs <see cref="UnicoreBlockingAnalyzer"/> over a compilation the way the compiler does, and
/// fails the test if the analyzer throws.
/// </summary>
internal static class AnalyzerHarness
{
    public static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

    public static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true);

    /// <summary>The framework the test host runs on: everything a test source uses.</summary>
    public static readonly ImmutableArray<MetadataReference> References = LoadFrameworkReferences();

    /// <summary>The analyzer's diagnostics for a component with these members, in source order.</summary>
    public static Task<ImmutableArray<Diagnostic>> AnalyzeComponentAsync(string members, string baseClass = TestSources.UnicoreBase) =>
        AnalyzeAsync(Compile(TestSources.Component(members, baseClass), TestSources.Support));

    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "Tests",
            sources.Select((source, index) => CSharpSyntaxTree.ParseText(source, ParseOptions, index == 0 ? TestSources.ComponentFileName : $"Source{index}.cs")),
            References,
            CompilationOptions);

    /// <summary>
    /// The analyzer's diagnostics. Unless <paramref name="allowErrors"/>, the code must compile, so
    /// that no test passes merely because its source is broken.
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, bool allowErrors = false)
    {
        if (!allowErrors)
        {
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, "the test source does not compile:\n" + string.Join("\n", errors));
        }

        var exceptions = new ConcurrentQueue<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, _, _) => exceptions.Enqueue(exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new UnicoreBlockingAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync();

        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
    }

    public static int Line(Diagnostic diagnostic) => diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1;

    private static ImmutableArray<MetadataReference> LoadFrameworkReferences()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty).Split(Path.PathSeparator);
        return trusted
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
                && string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
