using System.Globalization;
using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Adl.Tests.Hostile;

/// <summary>
/// Issue 20's include and import attacks: each ends quickly with a positioned diagnostic, or with
/// the include-once behaviour that include guards give real specs.
/// </summary>
public sealed class IncludeAndImportTests
{
    [Fact]
    public void A_file_that_includes_itself_twice_ends_at_once()
    {
        // The reproducer: 123 s and 11.9 GB before, as each inclusion doubled the text up to the depth limit.
        using var specs = new TempSpecs();
        specs.Write("a.camkes", "#include \"a.camkes\"\n#include \"a.camkes\"\n");

        var result = specs.Compile("a.camkes");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("ADL0006", error.Id);
    }

    [Fact]
    public void Files_that_each_include_the_next_twice_are_expanded_once_each()
    {
        const int Depth = 40;
        var others = Enumerable.Range(1, Depth)
            .Select(i => ($"f{i}.h", i == Depth ? "leaf_text\n" : $"#include \"f{i + 1}.h\"\n#include \"f{i + 1}.h\"\n"))
            .ToArray();

        var result = Bounded.Compile(() => Corpus.CompileText("#include \"f1.h\"\n#include \"f1.h\"\nassembly { composition { } }", others));

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("ADL0001", error.Id); // leaf_text, once: a syntax error, not 2^40 of them.
    }

    [Theory]
    [InlineData("#include \"{0}\"\n", "#define H{1} 1\n", FrontEndLimits.MaxIncludedFiles)]
    [InlineData("import \"{0}\";\n", "procedure P{1} {{ void f(); }}\n", FrontEndLimits.MaxImportedFiles)]
    public void One_file_more_than_the_limit_is_one_positioned_error(string reference, string content, int limit)
    {
        // One file per line, each naming its own; the line past the limit is the error.
        var count = limit + 1;
        var others = Enumerable.Range(0, count).Select(i => ($"f{i}.camkes", string.Format(CultureInfo.InvariantCulture, content, null, i))).ToArray();
        var lines = string.Concat(Enumerable.Range(0, count).Select(i => string.Format(CultureInfo.InvariantCulture, reference, $"f{i}.camkes")));

        var result = Bounded.Compile(() => Corpus.CompileText(lines + "assembly { composition { } }", others));

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("ADL0040", count), (error.Id, error.Location.Line));
        Assert.EndsWith("spec.camkes", error.Location.FilePath, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_chain_of_imports_is_read_without_exhausting_the_stack()
    {
        const int Count = 500;
        var others = Enumerable.Range(0, Count)
            .Select(i => ($"c{i}.camkes", (i + 1 < Count ? $"import \"c{i + 1}.camkes\";\n" : string.Empty) + $"procedure P{i} {{ void f(); }}\n"))
            .ToArray();

        var result = Bounded.Compile(() => Corpus.CompileText("import \"c0.camkes\";\nassembly { composition { } }", others));

        Assert.Equal("ADL0029", Assert.Single(result.Diagnostics).Id);
    }

    [Theory]
    [InlineData("#include\n")]
    [InlineData("#include \"\n")]
    [InlineData("#include <>\n")]
    public void An_empty_include_is_a_positioned_error_not_an_internal_one(string directive)
    {
        // `#include` alone was ADL0999 (`"".IndexOf('"', 1)`).
        var result = Bounded.Compile(() => Corpus.CompileText("\n" + directive + "assembly { composition { } }"));

        var error = result.Diagnostics.First();
        Assert.Equal("ADL0020", error.Id);
        Assert.Equal(2, error.Location.Line);
    }

    [Fact]
    public void Macros_that_multiply_text_stop_at_the_expansion_limit_without_parsing_the_rest()
    {
        var defines = $"#define M0 {new string('x', 150)}\n" + string.Concat(Enumerable.Range(1, 4).Select(i => $"#define M{i} " + string.Join(" ", Enumerable.Repeat($"M{i - 1}", 10)) + "\n"));
        var text = defines + string.Concat(Enumerable.Repeat("M4\n", 100)) + "assembly { composition { } }";

        var result = Bounded.Compile(() => Corpus.CompileText(text));

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("ADL0040", error.Id);
        Assert.Equal(7, error.Location.Line); // The second M4 line: each adds 1.5 M characters.
    }

    [Fact]
    public void The_quick_assembly_check_never_throws_on_the_reproducers()
    {
        var sources = new InMemorySourceProvider().Add("/spec/a.camkes", "#include \"a.camkes\"\n#include \"a.camkes\"\n");
        var inputs = new[]
        {
            "#include \"a.camkes\"\n#include \"a.camkes\"\nassembly { composition { } }",
            "#include\nassembly { composition { } }",
            "import \"/dev/zero\";\nassembly { composition { } }",
            "assembly { composition { } configuration { a.b = " + new string('(', 10_000) + "1" + new string(')', 10_000) + "; } }",
            "assembly { composition { " + new string('x', 1_000_000) + " } }",
        };

        foreach (var input in inputs)
        {
            Bounded.Run(() => AdlFrontEnd.DeclaresAssembly("/spec/a.camkes", input, sources, FrontEndOptions.Default));
        }

        Assert.True(Bounded.Run(() => AdlFrontEnd.DeclaresAssembly("/spec/a.camkes", inputs[0], sources, FrontEndOptions.Default)).Result);
        Assert.True(Bounded.Run(() => AdlFrontEnd.DeclaresAssembly("/spec/a.camkes", new string(' ', FrontEndLimits.MaxFileChars + 1), sources, FrontEndOptions.Default)).Result);
    }
}
