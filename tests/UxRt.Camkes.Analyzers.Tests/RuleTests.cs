namespace UxRt.Camkes.Analyzers.Tests;

/// <summary>Every rule reports its calls in a unicore component, and the same code elsewhere passes.</summary>
public sealed class RuleTests
{
    [Theory]
    [MemberData(nameof(RuleCases.Names), MemberType = typeof(RuleCases))]
    public async Task Reports_the_call_in_a_unicore_component(string caseName)
    {
        var (id, members) = RuleCases.All[caseName];

        var diagnostics = await AnalyzerHarness.AnalyzeComponentAsync(members);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(TestSources.MarkedLine(TestSources.Component(members)), AnalyzerHarness.Line(diagnostic));
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("threading = \"unicore\"", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleCases.Names), MemberType = typeof(RuleCases))]
    public async Task Says_nothing_about_the_same_call_in_a_native_component(string caseName)
    {
        var (_, members) = RuleCases.All[caseName];

        var diagnostics = await AnalyzerHarness.AnalyzeComponentAsync(members, TestSources.NativeBase);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Every_rule_has_cases()
    {
        var covered = RuleCases.All.Values.Select(c => c.Id).ToHashSet();

        Assert.All(UnicoreDiagnosticDescriptors.All, descriptor => Assert.Contains(descriptor.Id, covered));
    }

    [Fact]
    public void Every_rule_is_a_unicore_warning()
    {
        Assert.All(UnicoreDiagnosticDescriptors.All, descriptor =>
        {
            Assert.Equal("UxRt.Camkes.Unicore", descriptor.Category);
            Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
            Assert.True(descriptor.IsEnabledByDefault);
        });
        Assert.Equal(UnicoreDiagnosticDescriptors.All.Length, UnicoreDiagnosticDescriptors.All.Select(d => d.Id).Distinct().Count());
    }
}
