using Microsoft.CodeAnalysis;

namespace UxRt.Camkes.Compiler.Tests;

public sealed class GeneratorDiagnosticTests
{
    [Fact]
    public void A_syntax_error_is_reported_in_the_spec_file_with_line_and_column()
    {
        const string broken = """
            procedure P {
                void f(int x)
            };
            assembly { composition { } }
            """;
        var (_, result) = new GeneratorHarness().WithSpec("broken.camkes", broken).Run();

        Assert.Null(result.Exception);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var position = diagnostic.Location.GetLineSpan();
        Assert.Equal(Path.Combine(GeneratorHarness.ProjectDirectory, "broken.camkes"), position.Path);
        Assert.Equal(1, position.StartLinePosition.Line);
        Assert.Empty(result.GeneratedSources);
    }

    [Fact]
    public void An_unknown_name_is_reported_where_it_is_written()
    {
        const string spec = """
            import <std_connector.camkes>;
            component A { control; }
            assembly {
                composition {
                    component A a;
                    component Missing b;
                }
            }
            """;
        var (_, result) = new GeneratorHarness().WithSpec("unknown.camkes", spec).Run();

        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id == "ADL0002");
        var position = diagnostic.Location.GetLineSpan();
        Assert.Equal(5, position.StartLinePosition.Line);
        Assert.True(position.StartLinePosition.Character > 0);
        Assert.Contains("Missing", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("")]
    [InlineData("assembly")]
    [InlineData("assembly { composition { connection seL4RPCCall c(from a.b, to); } }")]
    [InlineData("procedure { ( ] } component component \"unterminated")]
    [InlineData("assembly { composition { component A a; } configuration { a.x = 1 / 0; a.y = 1 << 99; } }")]
    [InlineData("\0\0\0 assembly {{{{{{{{{{")]
    public void Malformed_specs_become_diagnostics_never_exceptions(string spec)
    {
        var (_, result) = new GeneratorHarness().WithSpec("bad.camkes", spec).Run();

        Assert.Null(result.Exception);
        Assert.All(result.Diagnostics, d => Assert.StartsWith("ADL", d.Id));
    }
}
