using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Parsing;
using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Adl.Tests;

public sealed class PreprocessorTests
{
    private static (string Text, DiagnosticBag Diagnostics, PreprocessedText Result) Run(string text, InMemorySourceProvider? sources = null, params string[] defines)
    {
        var diagnostics = new DiagnosticBag();
        var options = FrontEndOptions.Create(new[] { "/inc" }, defines.Select(Define.Parse));
        var result = Preprocessor.Run("/spec/main.camkes", text, sources ?? new InMemorySourceProvider(), options, diagnostics);
        return (result.Text, diagnostics, result);
    }

    private static string[] Lines(string text) => text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();

    [Fact]
    public void Object_and_function_like_macros_expand_with_rescanning()
    {
        var (text, diagnostics, _) = Run("""
            #define SIZE 4096
            #define DOUBLE(x) ((x) * 2)
            #define TWICE DOUBLE
            a = DOUBLE(SIZE);
            b = TWICE(3);
            """);

        Assert.Empty(diagnostics.Items);
        Assert.Equal(new[] { "a = ((4096) * 2);", "b = ((3) * 2);" }, Lines(text));
    }

    [Fact]
    public void Stringification_pasting_and_variadic_arguments_work_as_in_C()
    {
        var (text, diagnostics, _) = Run("""
            #define NAME(a, b) a ## _ ## b
            #define QUOTE(x) #x
            #define LIST(first, ...) [first, __VA_ARGS__]
            NAME(rx, buf) QUOTE(say "hi") LIST(1, 2, 3)
            """);

        Assert.Empty(diagnostics.Items);
        Assert.Equal("rx_buf \"say \\\"hi\\\"\" [1, 2, 3]", Lines(text).Single());
    }

    [Fact]
    public void Self_referential_macros_stop_instead_of_looping()
    {
        var (text, diagnostics, _) = Run("""
            #define X X + 1
            #define A B
            #define B A
            X; A;
            """);

        Assert.Empty(diagnostics.Items);
        Assert.Equal("X + 1; A;", Lines(text).Single());
    }

    [Fact]
    public void Macros_do_not_expand_inside_strings_or_comments()
    {
        var (text, _, _) = Run("""
            #define N 7
            s = "N"; /* N */ n = N; // N
            """);

        Assert.Equal("s = \"N\";         n = 7;", Lines(text).Single());
    }

    [Theory]
    [InlineData("#if 1\nyes\n#else\nno\n#endif", "yes")]
    [InlineData("#if 0\nno\n#elif 2 > 1 && !0\nyes\n#else\nno\n#endif", "yes")]
    [InlineData("#ifdef GIVEN\nyes\n#endif", "yes")]
    [InlineData("#ifndef GIVEN\nno\n#else\nyes\n#endif", "yes")]
    [InlineData("#if defined(GIVEN) && GIVEN == 5\nyes\n#endif", "yes")]
    [InlineData("#if defined UNKNOWN || UNKNOWN\nno\n#else\nyes\n#endif", "yes")]
    [InlineData("#if (1 << 4) == 0x10 ? 1 : 0\nyes\n#endif", "yes")]
    [InlineData("#if 0\n#if 1\nno\n#endif\n#else\nyes\n#endif", "yes")]
    [InlineData("#define V 3\n#if V * 2 - 6\nno\n#else\nyes\n#endif", "yes")]
    public void Conditionals_keep_only_the_taken_branch(string source, string kept)
    {
        var (text, diagnostics, _) = Run(source, null, "GIVEN=5");

        Assert.Empty(diagnostics.Items);
        Assert.Equal(new[] { kept }, Lines(text));
    }

    [Fact]
    public void Definitions_from_the_options_apply_and_default_to_1()
    {
        var (text, _, _) = Run("A B", null, "A=hello", "B");

        Assert.Equal("hello 1", Lines(text).Single());
    }

    [Fact]
    public void Included_lines_map_back_to_their_own_file_and_line()
    {
        var sources = new InMemorySourceProvider()
            .Add("/inc/header.h", "// header\n#define FROM_HEADER 1\nheader_text\n");
        var (text, diagnostics, result) = Run("first\n#include <header.h>\nsecond FROM_HEADER\n", sources);

        Assert.Empty(diagnostics.Items);
        var lines = text.Split('\n');
        int LineOf(string content) => Array.FindIndex(lines, l => l.Contains(content, StringComparison.Ordinal)) + 1;

        var header = result.LineMap.Map(LineOf("header_text"), 1, 0, 0);
        Assert.EndsWith("/inc/header.h", header.FilePath, StringComparison.Ordinal);
        Assert.Equal(3, header.Line);

        var second = result.LineMap.Map(LineOf("second 1"), 1, 0, 0);
        Assert.EndsWith("/spec/main.camkes", second.FilePath, StringComparison.Ordinal);
        Assert.Equal(3, second.Line);
    }

    [Fact]
    public void A_quoted_include_is_found_beside_the_including_file_first()
    {
        var sources = new InMemorySourceProvider()
            .Add("/spec/local.h", "local")
            .Add("/inc/local.h", "searched");
        var (text, _, _) = Run("#include \"local.h\"\n#include <local.h>", sources);

        Assert.Equal(new[] { "local", "searched" }, Lines(text));
    }

    [Fact]
    public void A_header_that_includes_itself_without_a_guard_is_expanded_once()
    {
        var sources = new InMemorySourceProvider().Add("/inc/loop.h", "#include <loop.h>\nloop_text\n#include <loop.h>\n");
        var (text, diagnostics, _) = Run("#include <loop.h>", sources);

        Assert.Empty(diagnostics.Items);
        Assert.Equal(new[] { "loop_text" }, Lines(text));
    }

    [Fact]
    public void A_file_included_twice_is_expanded_once_as_with_an_include_guard()
    {
        var sources = new InMemorySourceProvider().Add("/inc/types.h", "#define SIZE 4\ntypes_text\n");
        var (text, diagnostics, _) = Run("#include <types.h>\n#include <types.h>\nSIZE", sources);

        Assert.Empty(diagnostics.Items);
        Assert.Equal(new[] { "types_text", "4" }, Lines(text));
    }

    [Theory]
    [InlineData("#include")]
    [InlineData("#include \"")]
    [InlineData("#include <")]
    [InlineData("#include \"unclosed")]
    [InlineData("#include EMPTY")]
    public void A_malformed_include_is_a_positioned_error(string directive)
    {
        var (_, diagnostics, _) = Run("\n" + directive, null, "EMPTY=");

        var error = Assert.Single(diagnostics.Items);
        Assert.Equal("ADL0020", error.Id);
        Assert.Equal(2, error.Location.Line);
        Assert.Contains("#include expects", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_macro_call_may_continue_over_several_lines_and_keeps_the_line_count()
    {
        var (text, diagnostics, result) = Run("#define ADD(a, b) (a + b)\nx = ADD(1,\n  2);\nafter");

        Assert.Empty(diagnostics.Items);
        var lines = text.Split('\n');
        Assert.Equal("x = (1 + 2);", lines[1].Trim());
        var after = Array.FindIndex(lines, l => l.Trim() == "after") + 1;
        Assert.Equal(4, result.LineMap.Map(after, 1, 0, 0).Line);
    }

    [Fact]
    public void A_macro_call_left_open_is_reported_where_it_starts()
    {
        var (_, diagnostics, _) = Run("#define F(x) x\nfirst\nF(1,\n2\n#define G\nlast");

        var error = Assert.Single(diagnostics.Items);
        Assert.Equal("ADL0020", error.Id);
        Assert.Equal(3, error.Location.Line);
    }

    [Fact]
    public void Text_without_directives_is_passed_through_untouched()
    {
        const string spec = "component A { control; } /* # not a directive */";
        var (text, _, result) = Run(spec.Replace("#", "x", StringComparison.Ordinal));

        Assert.Equal(spec.Replace("#", "x", StringComparison.Ordinal), text);
        Assert.Equal(1, result.LineMap.Map(1, 5, 4, 1).Line);
    }
}
