using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace UxRt.Camkes.Cli.Tests;

/// <summary>
/// The generator and the tool share one front end: MSBuild's CamkesDefines and CamkesIncludePath
/// reach the preprocessor exactly as `-D` and `-I` do on the command line.
/// </summary>
public sealed class GeneratorOptionsTests
{
    [Fact]
    public void Msbuild_definitions_and_include_path_reach_the_preprocessor()
    {
        var specs = new[] { CliRun.Spec("system.camkes"), CliRun.Spec("lib/Greeter.idl4") };
        var properties = new Dictionary<string, string>
        {
            ["build_property.CamkesDefines"] = "GREETING_PRIORITY=7;UNUSED",
            ["build_property.CamkesIncludePath"] = "lib",
            ["build_property.MSBuildProjectDirectory"] = CliRun.SpecsDirectory,
        };

        var withOptions = Run(specs, properties);
        var without = Run(specs, new Dictionary<string, string>());

        Assert.DoesNotContain(withOptions, d => d.Id is "ADL0020" or "ADL0004");
        Assert.Contains(without, d => d.Id == "ADL0020" && d.GetMessage().Contains("GREETING_PRIORITY", StringComparison.Ordinal));
        Assert.Contains(without, d => d.Id == "ADL0004");
    }

    private static ImmutableArray<Diagnostic> Run(string[] specs, Dictionary<string, string> properties) =>
        GeneratorHarness.RunSpecFiles(specs, properties).Diagnostics;
}
