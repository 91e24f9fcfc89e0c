using Microsoft.CodeAnalysis;

namespace UxRt.Camkes.Compiler.Tests;

/// <summary>
/// Connections the C# glue cannot implement are one positioned ADL0021 at the connection, never
/// C# errors in generated files (issue 22): seL4RPCCallNoType between different procedures, and
/// camkes-tool's hardware connectors, which a spec uses without declaring them.
/// </summary>
public sealed class UnsupportedConnectionTests
{
    [Fact]
    public void RPCCallNoType_between_different_procedures_is_ADL0021_at_the_connection()
    {
        // cakeml_hello's shape: the server provides a blank procedure and decodes the calls itself.
        const string spec = """
            import <std_connector.camkes>;
            procedure HelloGoodbye { };
            procedure Hello { void hello(); };
            procedure Goodbye { void bye(); };
            component Hello { provides HelloGoodbye s; }
            component Client { control; uses Hello h; uses Goodbye g; }
            assembly {
                composition {
                    component Hello hello;
                    component Client client;
                    connection seL4RPCCallNoType connect_hello(from client.h, from client.g, to hello.s);
                }
            }
            """;

        var (output, result) = new GeneratorHarness().WithSpec("cakeml_hello.camkes", spec).Run();

        Assert.Null(result.Exception);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("ADL0021", error.Id);
        Assert.Equal(10, error.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("Hello, Goodbye, HelloGoodbye", error.GetMessage());
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Id == "CS1503");
    }

    [Fact]
    public void RPCCallNoType_with_one_procedure_is_an_ordinary_call()
    {
        var (output, result) = new GeneratorHarness()
            .WithSpec("echo.camkes", Specs.Echo.Replace("seL4RPCCall link", "seL4RPCCallNoType link", StringComparison.Ordinal))
            .WithCode("Usings.cs", Specs.Usings)
            .WithCode("Client.cs", Specs.ClientCode)
            .WithCode("Server.cs", Specs.ServerCode)
            .Run();

        Assert.Empty(result.Diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void A_builtin_hardware_connector_is_ADL0021_not_a_missing_user_template()
    {
        const string spec = """
            import <std_connector.camkes>;
            component Timer { hardware; dataport Buf mem; }
            component Driver { control; dataport Buf mem; }
            assembly {
                composition {
                    component Timer timer;
                    component Driver driver;
                    connection seL4HardwareMMIO mmio(from driver.mem, to timer.mem);
                }
            }
            """;

        var (_, result) = new GeneratorHarness().WithSpec("timer.camkes", spec).Run();

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("ADL0021", error.Id);
        Assert.Equal(7, error.Location.GetLineSpan().StartLinePosition.Line);
    }
}
