using UxRt.Camkes.Adl;
using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Adl.Tests;

/// <summary>Where the spec corpus is and how the tests compile it (include path and definitions included).</summary>
internal static class Corpus
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "Corpus");

    public static FrontEndOptions Options { get; } = FrontEndOptions.Create(
        new[] { PathNames.Normalize(Path.Combine(Directory, "include")) },
        new[] { Define.Parse("FEATURE_X=1") });

    /// <summary>
    /// The specs that mutation tests start from: the whole corpus except <c>regressions</c>, whose
    /// inputs are built to cost seconds each and are checked on their own (FuzzTests).
    /// </summary>
    public static IEnumerable<string> SeedSpecs() =>
        System.IO.Directory.GetFiles(Directory, "*.camkes", SearchOption.AllDirectories)
            .Where(path => Path.GetFileName(Path.GetDirectoryName(path)) != "regressions")
            .Order(StringComparer.Ordinal);

    public static string PathOf(string spec) => PathNames.Normalize(Path.Combine(Directory, spec));

    public static FrontEndResult Compile(string spec) =>
        AdlFrontEnd.Compile(PathOf(spec), FileSystemSourceProvider.Instance, Options);

    /// <summary>Compiles a spec held in memory, beside the corpus (so its imports resolve the same way).</summary>
    public static FrontEndResult CompileText(string text, params (string Name, string Text)[] others)
    {
        var sources = new InMemorySourceProvider().Add(Path.Combine(Directory, "memory", "spec.camkes"), text);
        foreach (var (name, otherText) in others)
        {
            sources.Add(Path.Combine(Directory, "memory", name), otherText);
        }

        return AdlFrontEnd.Compile(Path.Combine(Directory, "memory", "spec.camkes"), sources, Options);
    }
}
