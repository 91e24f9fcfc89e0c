using System.Runtime.CompilerServices;

namespace UxRt.Camkes.Compiler.Tests;

/// <summary>
/// The whole glue of representative examples, compared with files checked in under Golden/: a
/// change to the templates or the view models shows up as a reviewable diff of generated code
/// rather than as a failed Contains. After a deliberate change, `tools/update-golden.sh` rewrites
/// the files (it runs these tests with CAMKES_UPDATE_GOLDEN=1).
/// </summary>
public sealed class GoldenFileTests
{
    private const string UpdateVariable = "CAMKES_UPDATE_GOLDEN";

    [Theory]
    [InlineData("HelloRpc")]
    [InlineData("RumpNet")]
    [InlineData("Pipeline")]
    public void The_generated_glue_of_the_example_equals_its_golden_files(string example)
    {
        var generated = Generate(example);
        var golden = Path.Combine(TestsDirectory(), "Golden", example);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Rewrite(golden, generated);
            return;
        }

        Assert.True(Directory.Exists(golden), $"no golden files for {example}: run tools/update-golden.sh");
        var expected = Directory.GetFiles(golden).ToDictionary(path => Path.GetFileName(path), File.ReadAllText, StringComparer.Ordinal);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), generated.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, text) in generated)
        {
            Assert.True(expected[name] == text, $"{name} differs from Golden/{example}/{name}; if the change is meant, run tools/update-golden.sh and review the diff");
        }
    }

    private static Dictionary<string, string> Generate(string example)
    {
        var directory = Path.Combine(TestsDirectory(), "..", "..", "examples", example);
        var harness = new GeneratorHarness().WithProperty("RootNamespace", example);
        foreach (var spec in Directory.GetFiles(directory).Where(f => f.EndsWith(".camkes", StringComparison.Ordinal) || f.EndsWith(".idl4", StringComparison.Ordinal)))
        {
            harness.WithSpec(Path.GetFileName(spec), File.ReadAllText(spec).Replace("\r\n", "\n", StringComparison.Ordinal));
        }

        var (_, result) = harness.Run();
        Assert.Null(result.Exception);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        return result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
    }

    private static void Rewrite(string golden, Dictionary<string, string> generated)
    {
        if (Directory.Exists(golden))
        {
            Directory.Delete(golden, recursive: true);
        }

        Directory.CreateDirectory(golden);
        foreach (var (name, text) in generated)
        {
            File.WriteAllText(Path.Combine(golden, name), text);
        }
    }

    // The source directory of this file, where Golden/ is checked in (not the build output).
    private static string TestsDirectory([CallerFilePath] string here = "") => Path.GetDirectoryName(here)!;
}
