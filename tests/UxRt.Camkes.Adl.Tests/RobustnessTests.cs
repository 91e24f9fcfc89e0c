using FsCheck;
using FsCheck.Fluent;
using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Adl.Tests;

/// <summary>
/// Malformed input of every kind comes out as diagnostics, never as an exception, an internal
/// error (ADL0999) or a hang: random text, random ADL token soup, and mutations of the corpus.
/// </summary>
public sealed class RobustnessTests
{
    private const int Runs = 300;

    private static readonly string[] Vocabulary =
    {
        "import", "include", "procedure", "component", "connector", "assembly", "composition", "configuration",
        "connection", "group", "export", "control", "hardware", "provides", "uses", "emits", "consumes", "dataport",
        "maybe", "has", "mutex", "semaphore", "attribute", "struct", "void", "in", "out", "from", "to", "with",
        "threads", "Procedure", "Events", "Dataports", "Buf", "int", "string", "a", "b", "c", "p", "seL4RPCCall",
        "<std_connector.camkes>", "\"x.camkes\"", "{", "}", "(", ")", "[", "]", ";", ",", ".", "=", "<-", "->", "?", ":",
        "+", "-", "*", "/", "%", "<<", ">>", "&&", "||", "!", "~", "0", "1", "0xFF", "\"s\"", "true",
        "#define", "#if", "#ifdef", "#else", "#endif", "#include", "\n", "/*", "*/", "//", "\\", "##", "#",
    };

    private static readonly string[] CorpusTexts = Corpus.SeedSpecs()
        .Select(File.ReadAllText)
        .ToArray();

    private static void AssertCompilesQuietly(string text)
    {
        var result = Corpus.CompileText(text);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "ADL0999");
        if (result.HasErrors)
        {
            Assert.Null(result.Model);
        }
    }

    [Fact]
    public void Random_text_never_breaks_the_front_end()
    {
        var property = Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            AssertCompilesQuietly(text ?? string.Empty);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Runs).WithReplay(1, 3), property);
    }

    [Fact]
    public void Random_token_soup_never_breaks_the_front_end()
    {
        var soup = Gen.Elements(Vocabulary).ListOf().Select(tokens => string.Join(" ", tokens));
        var property = Prop.ForAll(soup.ToArbitrary(), AssertCompilesQuietly);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Runs).WithReplay(3, 5), property);
    }

    [Fact]
    public void Mutated_corpus_specs_never_break_the_front_end()
    {
        var mutation =
            from index in Gen.Choose(0, CorpusTexts.Length - 1)
            from start in Gen.Choose(0, 10_000)
            from length in Gen.Choose(0, 40)
            from kind in Gen.Choose(0, 3)
            from insert in Gen.Elements(Vocabulary)
            select Mutate(CorpusTexts[index], start, length, kind, insert);
        var property = Prop.ForAll(mutation.ToArbitrary(), AssertCompilesQuietly);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Runs).WithReplay(5, 7), property);
    }

    private static string Mutate(string text, int start, int length, int kind, string insert)
    {
        start = Math.Min(start, text.Length);
        length = Math.Min(length, text.Length - start);
        return kind switch
        {
            0 => text.Remove(start, length),
            1 => text.Insert(start, insert),
            2 => text.Insert(start, text.Substring(start, length)),
            _ => text.Remove(start, length).Insert(start, new string(text.Substring(start, length).Reverse().ToArray())),
        };
    }

    [Theory]
    [InlineData('(', ')')]
    [InlineData('[', ']')]
    [InlineData('{', '}')]
    public void Absurdly_deep_nesting_is_refused_without_overflowing_the_stack(char open, char close)
    {
        var deep = new string(open, 100_000) + new string(close, 100_000);
        AssertCompilesQuietly($"assembly {{ composition {{ }} configuration {{ a.b = {deep}; }} }}");
    }

    [Theory]
    [InlineData("- ", "1")]
    [InlineData("1 + ", "1")]
    [InlineData("1 ? 1 : ", "1")]
    [InlineData("! ", "0")]
    public void Very_long_expressions_are_refused_or_evaluated_without_overflowing_the_stack(string repeated, string end)
    {
        var expression = string.Concat(Enumerable.Repeat(repeated, 50_000)) + end;
        AssertCompilesQuietly($"component C {{ control; attribute int v; }} assembly {{ composition {{ component C c; }} configuration {{ c.v = {expression}; }} }}");
    }

    [Fact]
    public void Long_reference_chains_resolve_without_recursion()
    {
        const int Count = 20_000;
        var attributes = string.Concat(Enumerable.Range(0, Count).Select(i => $"attribute int a{i}; "));
        var references = string.Concat(Enumerable.Range(1, Count - 1).Select(i => $"c.a{i} <- c.a{i - 1}; "));
        var result = Corpus.CompileText($"component C {{ control; {attributes} }} assembly {{ composition {{ component C c; }} configuration {{ c.a0 = 7; {references} }} }}");

        Assert.Empty(result.Diagnostics);
        Assert.All(result.Model!.Settings, s => Assert.Equal(new Model.IntegerValue(7), s.Value));
    }

    [Fact]
    public void Deeply_nested_macro_calls_are_refused_without_overflowing_the_stack()
    {
        const int Depth = 100_000;
        var nested = string.Concat(Enumerable.Repeat("F(", Depth)) + "1" + new string(')', Depth);
        var result = Corpus.CompileText("#define F(x) x\n" + nested + "\nassembly { composition { } }");

        Assert.Contains(result.Diagnostics, d => d.Id == "ADL0020");
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "ADL0999");
    }

    [Fact]
    public void Exponential_macros_hit_the_expansion_budget_instead_of_running_away()
    {
        var defines = string.Concat(Enumerable.Range(1, 40).Select(i => $"#define M{i} M{i - 1} M{i - 1}\n"));
        var result = Corpus.CompileText("#define M0 x\n" + defines + "M40\nassembly { composition { } }");

        Assert.Contains(result.Diagnostics, d => d.Id == "ADL0020");
    }

    [Fact]
    public void A_long_chain_of_calls_is_checked_for_cycles_without_recursion()
    {
        const int Count = 20_000;
        var instances = string.Concat(Enumerable.Range(0, Count).Select(i => $"component Node n{i}; "));
        var connections = string.Concat(Enumerable.Range(0, Count).Select(i => $"connection seL4RPCCall c{i}(from n{i}.call, to n{(i + 1) % Count}.serve); "));
        var result = Corpus.CompileText(
            "import <std_connector.camkes>; procedure P { void f(); } component Node { provides P serve; uses P call; } "
            + $"assembly {{ composition {{ {instances} {connections} }} }}");

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("ADL0019", warning.Id);
    }
}
