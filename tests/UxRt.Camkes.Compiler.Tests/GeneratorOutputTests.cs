using Microsoft.CodeAnalysis;

namespace UxRt.Camkes.Compiler.Tests;

public sealed class GeneratorOutputTests
{
    private static GeneratorHarness EchoProject() => new GeneratorHarness()
        .WithSpec("echo.camkes", Specs.Echo)
        .WithCode("Usings.cs", Specs.Usings)
        .WithCode("Client.cs", Specs.ClientCode)
        .WithCode("Server.cs", Specs.ServerCode);

    [Fact]
    public void Generated_glue_compiles_together_with_the_users_components()
    {
        var (output, result) = EchoProject().Run();

        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        var hintNames = result.GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Contains("IEcho.g.cs", hintNames);
        Assert.Contains("ClientBase.g.cs", hintNames);
        Assert.Contains("ServerBase.g.cs", hintNames);
        Assert.Contains("EchoRpcClient.g.cs", hintNames);
        Assert.Contains("EchoRpcServer.g.cs", hintNames);
        Assert.Contains("EchoSystem.g.cs", hintNames);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Procedure_becomes_an_interface_with_csharp_types_and_directions()
    {
        var (output, _) = EchoProject().Run();

        Assert.Equal(TypeKind.Interface, output.GetTypeByMetadataName("Demo.IEcho")!.TypeKind);
        Assert.Equal("string Echo(string text, int times, out int length)", Signatures.Of(output, "Demo.IEcho", "Echo"));
        Assert.Equal("void Reset(ref int counter)", Signatures.Of(output, "Demo.IEcho", "Reset"));
        Assert.Equal("uint Sum(int[] values)", Signatures.Of(output, "Demo.IEcho", "Sum"));
    }

    [Fact]
    public void A_provided_method_left_unimplemented_is_a_compile_error_at_the_users_class()
    {
        const string incompleteServer = """
            namespace Demo;

            public sealed class Server : ServerBase
            {
                protected override void EchoReset(ref int counter) => counter = 0;

                protected override uint EchoSum(int[] values) => 0;
            }
            """;
        var (output, _) = EchoProject().WithCode("Server.cs", incompleteServer).Run();

        var error = Assert.Single(output.GetDiagnostics(), d => d.Id == "CS0534");
        Assert.EndsWith("Server.cs", error.Location.SourceTree!.FilePath);
        Assert.Contains("EchoEcho", error.GetMessage());
    }

    [Fact]
    public void A_spec_without_an_assembly_is_a_library_and_generates_nothing_by_itself()
    {
        var (_, result) = new GeneratorHarness()
            .WithSpec("types.idl4", "procedure Lonely { void ping(); };")
            .Run();

        Assert.Empty(result.GeneratedSources);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Imports_resolve_among_the_projects_spec_files()
    {
        var (output, result) = new GeneratorHarness()
            .WithSpec("interfaces/Echo.idl4", "procedure Echo { string echo(in string text, in int times, out int length); void reset(inout int counter); unsigned int sum(in int values[]); };")
            .WithSpec("system.camkes", Specs.Echo.Replace("procedure Echo {", "import \"interfaces/Echo.idl4\";\nprocedure Unused {"))
            .WithCode("Usings.cs", Specs.Usings)
            .WithCode("Client.cs", Specs.ClientCode)
            .WithCode("Server.cs", Specs.ServerCode)
            .Run();

        Assert.Empty(result.Diagnostics);
        Assert.Contains(result.GeneratedSources, s => s.HintName == "SystemSystem.g.cs");
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void A_spec_whose_assembly_comes_from_an_included_header_is_a_system()
    {
        var (output, result) = new GeneratorHarness()
            .WithSpec("assembly.h", "assembly { composition { component Client client; component Server server; connection seL4RPCCall link(from client.echo, to server.echo); } }")
            .WithSpec("echo.camkes", Specs.Echo.Substring(0, Specs.Echo.IndexOf("assembly", StringComparison.Ordinal)) + "#include \"assembly.h\"\n")
            .WithCode("Usings.cs", Specs.Usings)
            .WithCode("Client.cs", Specs.ClientCode)
            .WithCode("Server.cs", Specs.ServerCode)
            .Run();

        Assert.Empty(result.Diagnostics);
        Assert.Contains(result.GeneratedSources, s => s.HintName == "EchoSystem.g.cs");
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void An_assembly_switched_off_by_the_preprocessor_does_not_make_a_system()
    {
        var (_, result) = new GeneratorHarness()
            .WithSpec("off.camkes", "component A { }\n#if 0\nassembly { composition { component A a; } }\n#endif\n")
            .Run();

        Assert.Empty(result.GeneratedSources);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Several_systems_in_one_project_each_get_a_namespace_and_may_share_a_procedure()
    {
        const string shared = "procedure Echo { string echo(in string text, in int times, out int length); void reset(inout int counter); unsigned int sum(in int values[]); };";
        var system = Specs.Echo.Replace("procedure Echo {", "import \"Echo.idl4\";\nprocedure Unused {");
        var (output, result) = new GeneratorHarness()
            .WithSpec("Echo.idl4", shared)
            .WithSpec("First.camkes", system)
            .WithSpec("Second.camkes", system)
            .WithCode("Usings.cs", Specs.Usings)
            .WithCode("First.cs", Specs.ClientCode.Replace("namespace Demo;", "namespace Demo.First;") + Specs.ServerCode.Replace("namespace Demo;", string.Empty))
            .WithCode("Second.cs", Specs.ClientCode.Replace("namespace Demo;", "namespace Demo.Second;") + Specs.ServerCode.Replace("namespace Demo;", string.Empty))
            .Run();

        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        Assert.Contains(result.GeneratedSources, s => s.HintName == "First.FirstSystem.g.cs");
        Assert.Contains(result.GeneratedSources, s => s.HintName == "Second.IEcho.g.cs");
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
