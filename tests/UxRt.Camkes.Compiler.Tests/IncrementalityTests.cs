using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using UxRt.Camkes.Compiler.Generator;

namespace UxRt.Camkes.Compiler.Tests;

public sealed class IncrementalityTests
{
    private static readonly string[] TrackedSteps =
    {
        CamkesGenerator.SpecFilesStep,
        CamkesGenerator.SettingsStep,
        CamkesGenerator.SystemsStep,
        CamkesGenerator.OutputsStep,
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
}
