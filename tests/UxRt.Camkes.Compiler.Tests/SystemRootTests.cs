using Microsoft.CodeAnalysis;

namespace UxRt.Camkes.Compiler.Tests;

/// <summary>
/// Which specs become systems (issue 22): a spec imported by another is never a root, the project
/// may name its root (CamkesRoot), an overlay's assembly merges with the one it imports, and a spec
/// that cannot be read is reported where it is wrong instead of leaving the system out in silence.
/// </summary>
public sealed class SystemRootTests
{
    // The app's own spec, unchanged; the overlay below configures it without editing it.
    private static readonly string App = Specs.Echo;

    private const string Overlay = """
        import "echo.camkes";

        assembly {
            configuration {
                server.threading = "unicore";
            }
        }
        """;

    private const string UnicoreServerCode = """
        using System.Threading.Tasks;

        namespace Demo;

        public sealed class Server : ServerBase
        {
            protected override ValueTask<EchoEchoResult> EchoEchoAsync(string text, int times) =>
                ValueTask.FromResult(new EchoEchoResult(text, text.Length));

            protected override ValueTask<EchoResetResult> EchoResetAsync(int counter) => ValueTask.FromResult(new EchoResetResult(0));

            protected override ValueTask<uint> EchoSumAsync(int[] values) => ValueTask.FromResult((uint)values.Sum());
        }
        """;

    [Fact]
    public void An_overlay_that_imports_an_app_is_its_one_system_and_its_configuration_applies()
    {
        var (output, result) = new GeneratorHarness()
            .WithSpec("echo.camkes", App)
            .WithSpec("echo-unicore.camkes", Overlay)
            .WithCode("Usings.cs", Specs.Usings)
            .WithCode("Client.cs", Specs.ClientCode)
            .WithCode("Server.cs", UnicoreServerCode)
            .Run();

        Assert.Empty(result.Diagnostics);
        var system = Assert.Single(result.GeneratedSources, s => s.HintName.EndsWith("System.g.cs", StringComparison.Ordinal));
        Assert.Equal("EchoUnicoreSystem.g.cs", system.HintName);
        var serverBase = result.GeneratedSources.Single(s => s.HintName == "ServerBase.g.cs").SourceText.ToString();
        Assert.Contains("UnicoreComponent]", serverBase);
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void CamkesRoot_names_the_one_system_among_specs_that_each_declare_an_assembly()
    {
        var (_, result) = new GeneratorHarness()
            .WithSpec("echo.camkes", App)
            .WithSpec("other.camkes", App)
            .WithProperty("CamkesRoot", "other.camkes")
            .WithCode("Usings.cs", Specs.Usings)
            .WithCode("Client.cs", Specs.ClientCode)
            .WithCode("Server.cs", Specs.ServerCode)
            .Run();

        Assert.Empty(result.Diagnostics);
        Assert.Equal("OtherSystem.g.cs", Assert.Single(result.GeneratedSources, s => s.HintName.EndsWith("System.g.cs", StringComparison.Ordinal)).HintName);
    }

    [Fact]
    public void CamkesRoot_that_names_no_spec_is_an_error_naming_it()
    {
        var (_, result) = new GeneratorHarness()
            .WithSpec("echo.camkes", App)
            .WithProperty("CamkesRoot", "specs/missing.camkes")
            .Run();

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("ADL0101", error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains("/project/specs/missing.camkes", error.GetMessage());
        Assert.Empty(result.GeneratedSources);
    }

    [Theory]
    [InlineData("#include\nassembly { composition { } }\n", null)]
    [InlineData("procedure P { void f(; };\nassembly { composition { } }\n", "ADL0001")]
    [InlineData("assembly { composition { component A a; } configuration { a.x = DEEP; } }\n", null)]
    public void A_spec_that_cannot_be_read_is_reported_at_the_spec_not_skipped(string spec, string? id)
    {
        // 10,000 nested parentheses: the parser's nesting guard, not a stack overflow.
        var text = spec.Replace("DEEP", new string('(', 10_000) + "1" + new string(')', 10_000), StringComparison.Ordinal);

        var (_, result) = new GeneratorHarness().WithSpec("broken.camkes", text).Run();

        Assert.Null(result.Exception);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        if (id is not null)
        {
            Assert.Equal(id, error.Id);
        }

        Assert.EndsWith("broken.camkes", error.Location.GetLineSpan().Path, StringComparison.Ordinal);
    }
}
