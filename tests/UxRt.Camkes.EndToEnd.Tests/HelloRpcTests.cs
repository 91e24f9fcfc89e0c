namespace UxRt.Camkes.EndToEnd.Tests;

/// <summary>
/// The HelloRpc example through the real toolchain: `dotnet run` builds the glue from the spec and
/// runs the system; a broken spec fails `dotnet build` with a positioned ADL diagnostic.
/// Sequential in one class because each test runs a full build.
/// </summary>
public sealed class HelloRpcTests
{
    [Fact]
    public void Dotnet_run_builds_the_glue_and_prints_the_servers_reply()
    {
        using var example = ExampleWorkspace.CopyOf("HelloRpc");

        var result = example.Run();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("client received: Hello, hello, hello, world! (27 characters)", result.Output);
    }

    [Fact]
    public void A_syntax_error_in_the_spec_fails_the_build_with_file_line_column_and_id()
    {
        using var example = ExampleWorkspace.CopyOf("HelloRpc");
        var spec = example.PathOf("HelloRpc.camkes");
        File.WriteAllText(spec, File.ReadAllText(spec).Replace("component Server server;", "component Server server"));

        var result = example.Build();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Matches(@"HelloRpc\.camkes\(\d+,\d+\): error ADL0001: ", result.Output);
    }

    [Fact]
    public void An_unknown_name_in_the_spec_fails_the_build_at_that_name()
    {
        using var example = ExampleWorkspace.CopyOf("HelloRpc");
        var spec = example.PathOf("HelloRpc.camkes");
        var text = File.ReadAllText(spec).Replace("component Server server;", "component Sever server;");
        File.WriteAllText(spec, text);
        var line = text.Split('\n').ToList().FindIndex(l => l.Contains("component Sever server;")) + 1;
        var column = text.Split('\n')[line - 1].IndexOf("Sever", StringComparison.Ordinal) + 1;

        var result = example.Build();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"HelloRpc.camkes({line},{column}): error ADL0002: component 'Sever' is not defined", result.Output);
    }
}
