using Microsoft.CodeAnalysis;

namespace UxRt.Camkes.Compiler.Tests;

/// <summary>
/// A compound component that implements interfaces of its own (as CAmkES allows): it gets a base
/// class beside its inner instances, and the glue to and from its own interfaces compiles.
/// </summary>
public sealed class CompoundComponentTests
{
    private const string Spec = """
        import <std_connector.camkes>;

        procedure Command { void run(in int times); };

        component Driver { control; uses Command command; }

        component Device {
            provides Command command;
            uses Command log;
            attribute int depth = 1;
            composition {
                component Driver drv;
                connection seL4RPCCall command_link(from drv.command, to command);
            }
        }

        component Logger { provides Command log; }

        assembly {
            composition {
                component Device dev;
                component Logger logger;
                connection seL4RPCCall log_link(from dev.log, to logger.log);
            }
            configuration {
                dev.depth = 3;
            }
        }
        """;

    private const string Code = """
        namespace Demo;
        public sealed class Driver : DriverBase { protected override void Run() => Command.Run(2); }
        public sealed class Device : DeviceBase { protected override void CommandRun(int times) => Log.Run(times + 1); }
        public sealed class Logger : LoggerBase { protected override void LogRun(int times) => Console.WriteLine(times); }
        """;

    [Fact]
    public void A_compound_with_its_own_interfaces_gets_a_base_class_and_glue_that_compiles()
    {
        var (output, result) = new GeneratorHarness()
            .WithSpec("compound.camkes", Spec)
            .WithCode("Usings.cs", Specs.Usings)
            .WithCode("Components.cs", Code)
            .Run();

        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        Assert.Contains(result.GeneratedSources, s => s.HintName == "DeviceBase.g.cs");
        var errors = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
