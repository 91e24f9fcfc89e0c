namespace UxRt.Camkes.Adl.Tests;

public sealed class SyntaxErrorTests
{
    [Fact]
    public void A_missing_semicolon_is_reported_right_after_the_token_it_should_follow()
    {
        var result = Corpus.CompileText("""
            component C {
                control
                has mutex m;
            }
            assembly { composition { } }
            """);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("ADL0001", error.Id);
        Assert.Equal(2, error.Location.Line);
        Assert.Equal(12, error.Location.Column);
        Assert.Equal("expected ';' after 'control'", error.Message);
    }

    [Fact]
    public void A_missing_semicolon_before_a_closing_brace_does_not_swallow_the_brace()
    {
        // Recovering by deleting the '}' would leave the parser inside the procedure and report
        // the assembly after it as a second, spurious error.
        var result = Corpus.CompileText("""
            procedure P {
                void f(int x)
            };
            assembly { composition { } }
            """);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("ADL0001", error.Id);
        Assert.Equal(2, error.Location.Line);
        Assert.Equal("expected ';' after ')'", error.Message);
    }

    [Fact]
    public void An_unexpected_token_names_what_was_found_and_what_was_expected()
    {
        var result = Corpus.CompileText("component C { provides; }\nassembly { composition { } }");

        var error = Assert.Single(result.Diagnostics, d => d.Id == "ADL0001");
        Assert.Equal(1, error.Location.Line);
        Assert.Equal(23, error.Location.Column);
        Assert.StartsWith("unexpected ';'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnostics_print_in_the_msbuild_canonical_form()
    {
        var result = Corpus.CompileText("component C { control; }");

        var text = Assert.Single(result.Diagnostics).ToString();
        Assert.Matches(@"^.+spec\.camkes\(1,1\): error ADL0006: the specification has no assembly$", text);
    }
}
