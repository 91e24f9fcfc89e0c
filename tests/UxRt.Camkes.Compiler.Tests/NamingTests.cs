using Microsoft.CodeAnalysis;

namespace UxRt.Camkes.Compiler.Tests;

/// <summary>
/// Generated members never hide the runtime's: a spec name that collides gets its kind appended,
/// with a warning at the spec line; one-letter interfaces and one-word system files read well.
/// </summary>
public sealed class NamingTests
{
    private const string Spec = """
        import <std_connector.camkes>;

        procedure Process { int process(in int x); };

        component Sock {
            control;
            uses Process init;
            uses Process i;
            attribute int run = 3;
        }

        component Server {
            provides Process init;
            provides Process i;
        }

        assembly {
            composition {
                component Sock sock;
                component Server server;
                connection seL4RPCCall a(from sock.init, to server.init);
                connection seL4RPCCall b(from sock.i, to server.i);
            }
        }
        """;

    private const string Code = """
        namespace MultiAssembly;
        public sealed class Sock : SockBase
        {
            public int Initialised;
            protected override void Init() => Initialised = RunAttribute;
            protected override void Run() => System.Console.WriteLine(InitInterface.Process(1) + I.Process(2));
        }
        public sealed class Server : ServerBase
        {
            protected override int InitProcess(int x) => x;
            protected override int I_Process(int x) => x * 2;
        }
        """;

    [Fact]
    public void Colliding_names_are_renamed_with_a_warning_at_the_spec_line_and_init_stays_overridable()
    {
        var (output, result) = new GeneratorHarness()
            .WithProperty("RootNamespace", "MultiAssembly")
            .WithSpec("multiassembly.camkes", Spec)
            .WithCode("Usings.cs", Specs.Usings)
            .WithCode("Components.cs", Code)
            .Run();

        var renamed = result.Diagnostics.Where(d => d.Id == "ADL0300").Select(d => $"{d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.GetMessage()}").ToList();
        Assert.Equal(
            new[]
            {
                "7: 'init' of component 'Sock' is generated as 'InitInterface' because 'Init' is a member every component inherits (README: \"How the spec maps to C#\")",
                "9: 'run' of component 'Sock' is generated as 'RunAttribute' because 'Run' is a member every component inherits (README: \"How the spec maps to C#\")",
            },
            renamed);
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains(result.GeneratedSources, s => s.HintName == "MultiAssemblySystem.g.cs");
    }

    // Issue 22: digits in a file name kept from a CAmkES app broke the rule, and with it the
    // dotnet-new template's Program.cs, which names `<Project>.<Project>System`.
    [Theory]
    [InlineData("TestNto1Overload", "testnto1overload.camkes", "TestNto1OverloadSystem")]
    [InlineData("my_app", "my-app.camkes", "my_appSystem")]
    [InlineData("Demo", "hello_world.camkes", "HelloWorldSystem")]
    [InlineData("Demo", "2nd.camkes", "_2ndSystem")]
    public void The_system_class_takes_the_namespace_segment_that_the_file_name_spells(string rootNamespace, string fileName, string expected)
    {
        var (_, result) = new GeneratorHarness()
            .WithProperty("RootNamespace", rootNamespace)
            .WithSpec(fileName, Specs.Echo)
            .Run();

        Assert.Contains(result.GeneratedSources, s => s.HintName == expected + ".g.cs");
    }
}
