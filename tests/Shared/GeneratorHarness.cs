using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using UxRt.Camkes.Compiler.Generator;

namespace UxRt.Camkes.Tests.Shared;

/// <summary>
/// Runs <see cref="CamkesGenerator"/> the way `dotnet build` does: over a C# compilation with spec
/// files as AdditionalFiles and MSBuild properties as global analyzer options. The one harness of
/// the generator's tests and the tool's (which compare the two).
/// </summary>
internal sealed class GeneratorHarness
{
    public const string ProjectDirectory = "/project";

    public static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview);

    private static readonly ImmutableArray<MetadataReference> References = LoadReferences();

    // A user's project references UxRt.Camkes.Remote only when its nodes run as separate processes.
    private static readonly ImmutableArray<MetadataReference> ReferencesWithoutRemote =
        References.Where(r => !string.Equals(Path.GetFileName(r.Display), "UxRt.Camkes.Remote.dll", StringComparison.OrdinalIgnoreCase)).ToImmutableArray();

    private readonly Dictionary<string, string> _specs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _code = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _properties = new(StringComparer.Ordinal)
    {
        ["build_property.RootNamespace"] = "Demo",
        ["build_property.MSBuildProjectDirectory"] = ProjectDirectory,
    };
    private List<AdditionalText>? _additionalTexts;
    private bool _remote;

    public GeneratorHarness WithSpec(string fileName, string text)
    {
        _additionalTexts = null;
        _specs[Path.Combine(ProjectDirectory, fileName)] = text;
        return this;
    }

    public GeneratorHarness WithCode(string fileName, string text)
    {
        _code[Path.Combine(ProjectDirectory, fileName)] = text;
        return this;
    }

    /// <summary>An MSBuild property that the package's props make visible to the generator.</summary>
    public GeneratorHarness WithProperty(string name, string value)
    {
        _properties["build_property." + name] = value;
        return this;
    }

    /// <summary>Spec files on disk at their own paths, with exactly <paramref name="options"/> as the global analyzer options (no default root namespace), as the tool's tests compare them.</summary>
    public static GeneratorRunResult RunSpecFiles(IEnumerable<string> paths, IReadOnlyDictionary<string, string>? options = null)
    {
        var harness = new GeneratorHarness();
        harness._properties.Clear();
        foreach (var option in options ?? new Dictionary<string, string>())
        {
            harness._properties[option.Key] = option.Value;
        }

        foreach (var path in paths)
        {
            harness.WithSpec(path, File.ReadAllText(path));
        }

        var (_, result) = harness.Run();
        Assert.Null(result.Exception);
        return result;
    }

    /// <summary>Compiles against UxRt.Camkes.Remote too, as a project whose nodes run as separate processes does.</summary>
    public GeneratorHarness WithRemote()
    {
        _remote = true;
        return this;
    }

    /// <summary>Any other additional file (a user template, say), relative to the project.</summary>
    public GeneratorHarness WithAdditionalFile(string relativePath, string text) => WithSpec(relativePath, text);

    public CSharpCompilation CreateCompilation() =>
        CSharpCompilation.Create(
            "Demo",
            _code.Select(c => CSharpSyntaxTree.ParseText(c.Value, ParseOptions, c.Key)),
            _remote ? References : ReferencesWithoutRemote,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>The spec files as the driver gets them (the same objects each time, so a test can replace one).</summary>
    public IReadOnlyList<AdditionalText> AdditionalTexts =>
        _additionalTexts ??= _specs.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Key, s.Value)).ToList();

    public GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            new[] { new CamkesGenerator().AsSourceGenerator() },
            AdditionalTexts,
            ParseOptions,
            new MsBuildProperties(_properties),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator and returns the compilation with its output, plus the generator's own result.</summary>
    public (Compilation Output, GeneratorRunResult Result) Run()
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(CreateCompilation(), out var output, out _);
        return (output, driver.GetRunResult().Results.Single());
    }

    /// <summary>Runs the generator, compiles the result and loads it, to run the system it describes.</summary>
    public System.Reflection.Assembly Load()
    {
        var (output, result) = Run();
        Assert.Null(result.Exception);
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return System.Reflection.Assembly.Load(image.ToArray());
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // Everything the test host loaded from: the framework, the runtime kernel, logging abstractions.
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty).Split(Path.PathSeparator);
        return trusted
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text, Encoding.UTF8);
    }

    private sealed class MsBuildProperties(Dictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(values);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(new Dictionary<string, string>());

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
