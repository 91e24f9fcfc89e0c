using UxRt.Camkes.Adl.Parsing;

namespace UxRt.Camkes.Adl.Tests.Hostile;

/// <summary>Huge tokens and deep nesting cost little and come out as short, positioned messages.</summary>
public sealed class HugeTokenTests
{
    private const int Huge = 1_000_000;

    [Fact]
    public void A_huge_identifier_at_a_syntax_error_is_quick_and_quoted_short()
    {
        // 7.7 s and 1.3 GB before: the typo suggestion built a full edit-distance matrix per keyword.
        var result = Bounded.Compile(() => Corpus.CompileText("assembly { composition { " + new string('x', Huge) + " } }"));

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("ADL0001", 1, 26), (error.Id, error.Location.Line, error.Location.Column));
        Assert.True(error.Message.Length < 300, $"{error.Message.Length} characters");
    }

    [Fact]
    public void A_huge_name_in_a_resolution_error_is_quoted_short()
    {
        var name = new string('n', Huge);
        var result = Bounded.Compile(() => Corpus.CompileText($"assembly {{ composition {{ component {name} c; }} }}"));

        Assert.NotEmpty(result.Diagnostics);
        Assert.All(result.Diagnostics, d => Assert.True(d.Message.Length < 1200, $"{d.Id}: {d.Message.Length} characters"));
    }

    [Theory]
    [InlineData("procedur", "procedure")]
    [InlineData("componnet", "component")]
    [InlineData("uess", "uses")]
    public void The_typo_suggestion_still_finds_near_keywords(string word, string keyword) =>
        Assert.Equal(keyword, Keywords.Nearest(word));

    [Fact]
    public void The_typo_suggestion_skips_keywords_too_different_in_length()
    {
        var word = new string('x', Huge);
        var (nearest, allocated) = Bounded.Run(() => Keywords.Nearest(word));

        Assert.Null(nearest);
        Assert.True(allocated < 1024 * 1024, $"{allocated} bytes");
        Assert.Null(Keywords.Nearest("configurationxyz"));
    }

    [Theory]
    [InlineData("assembly { composition { } configuration { a.b = {0}1{1}; } }")]
    [InlineData("#if {0}1{1}\n#endif\nassembly { composition { } }")]
    [InlineData("#define F(x) x\nF({0}1{1})\nassembly { composition { } }")]
    public void Ten_thousand_nested_parentheses_are_a_positioned_error(string template)
    {
        const int Depth = 10_000;
        var text = template.Replace("{0}", new string('(', Depth), StringComparison.Ordinal).Replace("{1}", new string(')', Depth), StringComparison.Ordinal);

        var result = Bounded.Compile(() => Corpus.CompileText(text));

        Assert.Contains(result.Diagnostics, d => d.Id is "ADL0001" or "ADL0020");
        Assert.All(result.Diagnostics, d => Assert.True(d.Message.Length < 300, d.Message));
    }
}
