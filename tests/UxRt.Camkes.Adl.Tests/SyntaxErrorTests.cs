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

    private const string HelloRpc = """
        import <std_connector.camkes>;
        procedure Greeter {
            string greet(in string name, in int times, out int length);
        };
        component Client {
            control;
            uses Greeter greeter;
        }
        component Server {
            provides Greeter greeter;
        }
        assembly {
            composition {
                component Client client;
                component Server server;
                connection seL4RPCCall greeting(from client.greeter, to server.greeter);
            }
        }
        """;

    [Theory]
    [InlineData("component Client {", "compnent Client {", 5, "unknown keyword 'compnent'; did you mean 'component'?")]
    [InlineData("    composition {", "    compositon {", 13, "unknown keyword 'compositon'; did you mean 'composition'?")]
    [InlineData("in string name", "inn string name", 3, "unknown keyword 'inn'; did you mean 'in'?")]
    [InlineData("    provides Greeter greeter;\n}", "    provides Greeter greeter;", 11, "missing '}' before 'assembly': the '{' on line 9 is not closed")]
    public void A_mistake_a_new_user_makes_is_one_error_where_it_is(string written, string mistake, int line, string message)
    {
        var text = HelloRpc.Replace(written.Replace("\\n", "\n"), mistake.Replace("\\n", "\n"));
        Assert.NotEqual(HelloRpc, text);

        var result = Corpus.CompileText(text);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(line, error.Location.Line);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Diagnostics_come_sorted_by_file_line_and_column()
    {
        var result = Corpus.CompileText("""
            component B { control; uses Nothing n; }
            component A { control; uses Missing m; }
            assembly { composition { component A a; component B b; component Ghost g; } }
            """);

        var positions = result.Diagnostics.Select(d => (d.Location.FilePath, d.Location.Line, d.Location.Column)).ToList();
        Assert.True(positions.Count >= 3);
        Assert.Equal(positions.OrderBy(p => p.FilePath, StringComparer.Ordinal).ThenBy(p => p.Line).ThenBy(p => p.Column), positions);
    }
}
