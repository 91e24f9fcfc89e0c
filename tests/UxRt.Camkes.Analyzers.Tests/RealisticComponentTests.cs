using Xunit.Abstractions;

namespace UxRt.Camkes.Analyzers.Tests;

/// <summary>
/// The analyzer against <see cref="RealisticComponentSource"/>: every marked line reported, and no
/// other line.
/// </summary>
public sealed class RealisticComponentTests
{
    private readonly ITestOutputHelper _output;

    public RealisticComponentTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Reports_every_blocking_line_and_nothing_else()
    {
        var source = RealisticComponentSource.Source;
        var expected = MarkedLines(source);

        var diagnostics = await AnalyzerHarness.AnalyzeAsync(AnalyzerHarness.Compile(source, TestSources.Support));
        var reported = diagnostics.Select(AnalyzerHarness.Line).ToHashSet();

        var missed = expected.Except(reported).Order().ToList();
        var falsePositives = diagnostics.Where(d => !expected.Contains(AnalyzerHarness.Line(d))).ToList();
        _output.WriteLine($"caught {expected.Count - missed.Count} of {expected.Count}; false positives {falsePositives.Count}");
        Assert.True(missed.Count == 0, "missed lines: " + string.Join(", ", missed));
        Assert.True(falsePositives.Count == 0, "false positives:\n" + string.Join("\n", falsePositives));
        Assert.Equal(diagnostics.Length, reported.Count);
    }

    private static HashSet<int> MarkedLines(string source) =>
        source.Split('\n')
            .Select((line, index) => (line, number: index + 1))
            .Where(x => x.line.TrimEnd().EndsWith(TestSources.Marker, StringComparison.Ordinal))
            .Select(x => x.number)
            .ToHashSet();
}
