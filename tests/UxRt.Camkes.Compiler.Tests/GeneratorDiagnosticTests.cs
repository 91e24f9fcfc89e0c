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

    [Fact]
    public void After_an_error_the_components_it_does_not_touch_still_get_their_base_classes()
    {
        const string spec = """
            import <std_connector.camkes>;
            procedure P { int f(in int x); };
            component Good {
                control;
                maybe uses P p;
                attribute int n = 2;
            }
            component Bad {
                provides Missing m;
            }
            assembly {
                composition {
                    component Good good;
                    component Bad bad;
                }
            }
            """;
        var (output, result) = new GeneratorHarness()
            .WithSpec("partial.camkes", spec)
            .WithCode("Good.cs", "namespace Demo; public sealed class Good : GoodBase { protected override void Run() => System.Console.WriteLine(N + (P is null ? 0 : P.F(1))); }")
            .Run();

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("ADL0002", error.Id);
        Assert.Equal(["IP.g.cs", "GoodBase.g.cs"], result.GeneratedSources.Select(s => s.HintName));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void A_CSharp_error_about_a_spec_type_points_at_the_spec_line()
    {
        const string idl = """
            procedure Rotation {
                int rotate(in MyType_t value, out int turns);
            };
            """;
        const string spec = """
            import <std_connector.camkes>;
            import "Rotation.idl4";
            component Client { control; uses Rotation r; }
            component Server {
                provides Rotation r;
                maybe dataport socket_t buffer;
                attribute handle_t handle;
            }
            assembly {
                composition {
                    component Client client;
                    component Server server;
                    connection seL4RPCCall c(from client.r, to server.r);
                }
            }
            """;
        var (output, result) = new GeneratorHarness()
            .WithSpec("Rotation.idl4", idl)
            .WithSpec("rotate.camkes", spec)
            .Run();

        // A procedure's type is looked up by the generator: one ADL0102 at the parameter (UserTypeTests).
        var parameterType = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("ADL0102", parameterType.Id);
        Assert.Equal(1, parameterType.Location.GetLineSpan().StartLinePosition.Line);
        var unknown = output.GetDiagnostics()
            .Where(d => d.Id == "CS0246" && new[] { "MyType_t", "socket_t", "handle_t" }.Any(d.GetMessage().Contains))
            .Select(d => d.Location.GetMappedLineSpan())
            .ToList();
        Assert.NotEmpty(unknown);
        Assert.All(unknown, span => Assert.True(
            span.Path == Path.Combine(GeneratorHarness.ProjectDirectory, "Rotation.idl4") && span.StartLinePosition.Line == 1
                || span.Path == Path.Combine(GeneratorHarness.ProjectDirectory, "rotate.camkes") && span.StartLinePosition.Line is 5 or 6,
            $"{span.Path}({span.StartLinePosition.Line + 1})"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_missing_procedure_header_is_a_warning_and_the_glue_is_still_generated(bool headerExists)
    {
        const string spec = """
            import <std_connector.camkes>;
            procedure Rotation {
                include "MyType.h";
                int rotate(in int turns);
            };
            component Client { control; uses Rotation r; }
            component Server { provides Rotation r; }
            assembly {
                composition {
                    component Client client;
                    component Server server;
                    connection seL4RPCCall c(from client.r, to server.r);
                }
            }
            """;
        var harness = new GeneratorHarness().WithSpec("rotate.camkes", spec);
        if (headerExists)
        {
            harness.WithAdditionalFile("MyType.h", "typedef int MyType_t;");
        }

        var (_, result) = harness.Run();

        if (headerExists)
        {
            Assert.Empty(result.Diagnostics);
            return;
        }

        // CAmkES never reads the header while it checks a spec (issue 22: rotate, picoserver).
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("ADL0310", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(2, warning.Location.GetLineSpan().StartLinePosition.Line);
        Assert.StartsWith("cannot find header 'MyType.h' that procedure 'Rotation' includes", warning.GetMessage());
        Assert.Contains(result.GeneratedSources, s => s.HintName.Contains("RotationRpcClient", StringComparison.Ordinal));
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

    // Issue 22: CS0246 for a class the user has not written yet was reported in XSystem.g.cs, a
    // file not on disk; it is now at the instance's declaration in the spec.
    [Fact]
    public void A_component_class_not_written_yet_is_reported_at_the_instance_in_the_spec()
    {
        var (output, result) = new GeneratorHarness()
            .WithSpec("echo.camkes", Specs.Echo)
            .WithCode("Usings.cs", Specs.Usings)
            .WithCode("Server.cs", Specs.ServerCode)
            .Run();

        Assert.Empty(result.Diagnostics);
        var missing = Assert.Single(output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("CS0246", missing.Id);
        Assert.Contains("'Client'", missing.GetMessage());
        var span = missing.Location.GetMappedLineSpan();
        Assert.Equal("/project/echo.camkes", span.Path);
        var line = Specs.Echo.Split('\n')[span.StartLinePosition.Line];
        Assert.Contains("component Client client;", line);
        Assert.Equal(line.IndexOf("client;", StringComparison.Ordinal), span.StartLinePosition.Character);
    }
}
