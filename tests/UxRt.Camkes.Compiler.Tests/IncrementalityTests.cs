using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using UxRt.Camkes.Compiler.Generator;

namespace UxRt.Camkes.Compiler.Tests;

public sealed class IncrementalityTests
{
    private static readonly string[] TrackedSteps =
    {
        CamkesGenerator.SpecFilesStep,
        CamkesGenerator.RemoteNodesStep,
        CamkesGenerator.SettingsStep,
        CamkesGenerator.SystemsStep,
        CamkesGenerator.OutputsStep,
        CamkesGenerator.FilesStep,
        CamkesGenerator.DiagnosticsStep,
    };

    [Fact]
    public void Editing_unrelated_csharp_leaves_every_step_cached()
    {
        var harness = new GeneratorHarness()
            .WithSpec("echo.camkes", Specs.Echo)
            .WithCode("Usings.cs", Specs.Usings)
            .WithCode("Client.cs", Specs.ClientCode)
            .WithCode("Server.cs", Specs.ServerCode);
        var compilation = harness.CreateCompilation();
        var driver = harness.CreateDriver().RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Demo; internal static class Unrelated { }", GeneratorHarness.ParseOptions, "/project/Unrelated.cs"));
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in TrackedSteps)
        {
            Assert.True(second.TrackedSteps.ContainsKey(step), $"step {step} was not tracked");
            var reasons = second.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            Assert.NotEmpty(reasons);
            Assert.All(reasons, reason => Assert.True(
                reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"step {step} re-ran with reason {reason}"));
        }
    }

    [Fact]
    public void Editing_one_line_of_a_spec_hands_roslyn_only_the_files_that_changed()
    {
        var harness = new GeneratorHarness().WithSpec("echo.camkes", Specs.Echo).WithCode("Usings.cs", Specs.Usings);
        var compilation = harness.CreateCompilation();
        var driver = harness.CreateDriver().RunGenerators(compilation);
        var before = driver.GetRunResult().Results.Single();

        // One line: the server's interface gets a priority, which only the system's wiring carries.
        var spec = harness.AdditionalTexts.Single();
        var edited = new GeneratorHarness()
            .WithSpec("echo.camkes", Specs.Echo.Replace("connection seL4RPCCall link(from client.echo, to server.echo);", "connection seL4RPCCall link(from client.echo, to server.echo); } configuration { server.echo_priority = 200;", StringComparison.Ordinal))
            .AdditionalTexts.Single();
        var after = driver.ReplaceAdditionalText(spec, edited).RunGenerators(compilation).GetRunResult().Results.Single();

        var files = after.TrackedSteps[CamkesGenerator.FilesStep].SelectMany(s => s.Outputs).ToList();
        var changed = files.Where(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified).Select(o => ((UxRt.Camkes.Compiler.Emit.GeneratedFileEntry)o.Value).HintName).ToList();
        Assert.Equal(before.GeneratedSources.Length, files.Count);
        Assert.Equal(new[] { "EchoSystem.g.cs" }, changed);

        // Less than half of all the steps' outputs were computed again.
        var outputs = after.TrackedSteps.Values.SelectMany(steps => steps).SelectMany(step => step.Outputs).ToList();
        var rerun = outputs.Count(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);
        Assert.True(rerun * 2 < outputs.Count, $"{rerun} of {outputs.Count} step outputs re-ran");
    }
}
