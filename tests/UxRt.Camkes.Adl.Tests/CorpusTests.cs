using System.Text.RegularExpressions;
using UxRt.Camkes.Adl;
using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Adl.Tests;

/// <summary>
/// Compiles every spec of the corpus and compares what is reported with the `//! ADLnnnn`
/// markers written on the offending lines: the same IDs, on the same lines, nothing more.
/// A helper file in Corpus/include named after a spec (`name.part.camkes`) carries markers too.
/// </summary>
public sealed class CorpusTests
{
    private static readonly Regex Marker = new(@"//!\s*(?<ids>(ADL\d{4}\s*)+)", RegexOptions.Compiled);

    public static TheoryData<string> ValidSpecs => Specs("valid");

    public static TheoryData<string> ErrorSpecs => Specs("errors");

    [Theory]
    [MemberData(nameof(ValidSpecs))]
    public void A_valid_spec_compiles_to_a_model_without_diagnostics(string spec)
    {
        var result = Corpus.Compile(spec);

        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
        Assert.NotNull(result.Model);
    }

    [Theory]
    [MemberData(nameof(ErrorSpecs))]
    public void Each_diagnostic_is_reported_with_its_id_on_the_marked_line(string spec)
    {
        var result = Corpus.Compile(spec);

        var expected = ExpectedDiagnostics(spec);
        var actual = result.Diagnostics
            .Select(d => $"{Path.GetFileName(d.Location.FilePath)}:{d.Location.Line} {d.Id}")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();
        Assert.True(expected.Count > 0, "an error spec must mark what it expects");
        Assert.Equal(expected, actual);
        Assert.All(result.Diagnostics, d => Assert.True(d.Location.Column >= 1, d.ToString()));
        if (result.HasErrors)
        {
            Assert.Null(result.Model);
        }
    }

    [Fact]
    public void Every_diagnostic_id_except_the_internal_error_is_exercised_by_the_corpus()
    {
        var ids = typeof(Diagnostics.DiagnosticDescriptors)
            .GetFields()
            .Select(f => ((Diagnostics.DiagnosticDescriptor)f.GetValue(null)!).Id)
            .Where(id => id != "ADL0999")
            // ADL01xx, ADL030x, ADL0333 and ADL0334 come from code generation (the last two depend on the
            // project's references), not from a spec; the compiler's tests exercise them.
            .Where(id => !id.StartsWith("ADL01", StringComparison.Ordinal) && !id.StartsWith("ADL030", StringComparison.Ordinal))
            .Where(id => id is not ("ADL0333" or "ADL0334"));
        var exercised = Directory.GetFiles(Corpus.Directory, "*.camkes", SearchOption.AllDirectories)
            .SelectMany(File.ReadLines)
            .SelectMany(line => Marker.Matches(line).SelectMany(m => m.Groups["ids"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .ToHashSet();

        var missing = ids.Except(exercised).ToList();
        Assert.Empty(missing);
    }

    internal static List<string> ExpectedDiagnostics(string spec)
    {
        var root = Corpus.PathOf(spec);
        var stem = Path.GetFileNameWithoutExtension(root);
        var files = new[] { root }.Concat(Directory.GetFiles(Path.Combine(Corpus.Directory, "include"), stem + ".*"));
        var expected = new List<string>();
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match match in Marker.Matches(lines[i]))
                {
                    expected.AddRange(match.Groups["ids"].Value
                        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
                        .Select(id => $"{Path.GetFileName(file)}:{i + 1} {id}"));
                }
            }
        }

        return expected.OrderBy(s => s, StringComparer.Ordinal).ToList();
    }

    private static TheoryData<string> Specs(string folder)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Corpus.Directory, folder), "*.camkes").Order(StringComparer.Ordinal))
        {
            data.Add(folder + "/" + Path.GetFileName(file));
        }

        return data;
    }
}
