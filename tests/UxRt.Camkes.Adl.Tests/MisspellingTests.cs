using System.Text.RegularExpressions;
using UxRt.Camkes.Adl.Parsing;

namespace UxRt.Camkes.Adl.Tests;

/// <summary>
/// Every keyword of a spec that uses them all, misspelt one at a time: each gives exactly one
/// error, on the misspelt word's line, naming the keyword it should be.
/// </summary>
public sealed class MisspellingTests
{
    private const string Spec = "misspellings/every_keyword.camkes";

    public static TheoryData<int, int, string> Occurrences()
    {
        var data = new TheoryData<int, int, string>();
        var lines = File.ReadAllLines(Corpus.PathOf(Spec));
        for (var line = 0; line < lines.Length; line++)
        {
            foreach (Match word in Regex.Matches(lines[line], @"\b[A-Za-z_]+\b"))
            {
                // `void` as a return type is a type name to CAmkES too (any identifier is); as a
                // parameter list it is a keyword.
                if (Keywords.All.Contains(word.Value) && !(word.Value == "void" && word.Index == 4))
                {
                    data.Add(line + 1, word.Index, word.Value);
                }
            }
        }

        return data;
    }

    [Fact]
    public void The_spec_is_valid_as_written()
    {
        var result = Corpus.Compile(Spec);

        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Diagnostics.DiagnosticSeverity.Error);
    }

    [Fact]
    public void The_spec_uses_every_keyword()
    {
        var used = Occurrences().Select(row => (string)row[2]).ToHashSet();

        Assert.Equal(Array.Empty<string>(), Keywords.All.Except(used).ToArray());
    }

    [Theory]
    [MemberData(nameof(Occurrences))]
    public void A_misspelt_keyword_is_one_error_at_its_line(int line, int column, string keyword)
    {
        var lines = File.ReadAllLines(Corpus.PathOf(Spec));
        var typo = Misspell(keyword);
        lines[line - 1] = lines[line - 1].Substring(0, column) + typo + lines[line - 1].Substring(column + keyword.Length);

        var result = Corpus.CompileText(string.Join("\n", lines));

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("ADL0001", error.Id);
        Assert.Equal(line, error.Location.Line);
        Assert.Equal(column + 1, error.Location.Column);
        Assert.Equal($"unknown keyword '{typo}'; did you mean '{keyword}'?", error.Message);
    }

    /// <summary>A typo a hand makes: a letter dropped from a long word, doubled at the end of a short one.</summary>
    private static string Misspell(string keyword) =>
        keyword.Length >= 5 ? keyword.Remove(2, 1) : keyword + keyword[keyword.Length - 1];
}
