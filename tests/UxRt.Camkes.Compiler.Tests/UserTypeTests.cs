using Microsoft.CodeAnalysis;

namespace UxRt.Camkes.Compiler.Tests;

/// <summary>
/// A procedure's type that is not a C type passes through to C# (issue 22): one the project
/// declares just works; one it does not is one ADL0102 per type, at its first use in the spec,
/// instead of a CS0246 for every place the glue names it.
/// </summary>
public sealed class UserTypeTests
{
    private const string Spec = """
        import <std_connector.camkes>;
        procedure Shapes {
            void draw(in Point_t at, in Colour_t colour);
            Point_t centre(in Point_t a, in Point_t b);
        };
        component Client { control; uses Shapes s; }
        component Server { provides Shapes s; }
        assembly {
            composition {
                component Client client;
                component Server server;
                connection seL4RPCCall c(from client.s, to server.s);
            }
        }
        """;

    private const string Components = """
        namespace Demo;

        public sealed class Client : ClientBase
        {
            protected override void Run() { }
        }

        public sealed class Server : ServerBase
        {
            protected override void S_Draw(Point_t at, Colour_t colour) { }

            protected override Point_t S_Centre(Point_t a, Point_t b) => a;
        }
        """;

    [Fact]
    public void A_type_nobody_declares_is_one_error_per_type_at_the_spec()
    {
        var (output, result) = new GeneratorHarness()
            .WithSpec("shapes.camkes", Spec)
            .WithCode("Usings.cs", Specs.Usings)
            .WithCode("Components.cs", Components)
            .Run();

        var errors = result.Diagnostics.Select(d => (d.Id, Line: d.Location.GetLineSpan().StartLinePosition.Line, Column: d.Location.GetLineSpan().StartLinePosition.Character)).ToList();
        var draw = Spec.Split('\n')[2];
        Assert.Equal(
            new[] { ("ADL0102", 2, draw.IndexOf("Point_t", StringComparison.Ordinal)), ("ADL0102", 2, draw.IndexOf("Colour_t", StringComparison.Ordinal)) },
            errors.OrderBy(e => e.Column));
        Assert.Contains("'Point_t'", result.Diagnostics.OrderBy(d => d.Location.SourceSpan.Start).First().GetMessage());
        var csharp = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(csharp.Count == 0, string.Join("\n", csharp));
    }

    [Fact]
    public void A_type_the_project_declares_passes_through_without_a_diagnostic()
    {
        var (output, result) = new GeneratorHarness()
            .WithSpec("shapes.camkes", Spec)
            .WithCode("Usings.cs", Specs.Usings)
            .WithCode("Components.cs", Components)
            .WithCode("Types.cs", "namespace Demo;\npublic readonly record struct Point_t(int X, int Y);\npublic enum Colour_t { Red, Green }\n")
            .Run();

        Assert.Empty(result.Diagnostics);
        Assert.DoesNotContain(result.GeneratedSources, s => s.HintName.Contains("StandIns", StringComparison.Ordinal));
        var csharp = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(csharp.Count == 0, string.Join("\n", csharp));
    }
}
