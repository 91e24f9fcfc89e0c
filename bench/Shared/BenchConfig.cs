using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace UxRt.Camkes.Benchmarks;

/// <summary>
/// The configuration every UxRt.Camkes benchmark runs with: allocation per operation, the
/// distribution of iteration times (min, quartiles, P95, max) rather than the mean alone, and the
/// ratio of medians to the baseline of the same group, which a few slow iterations (a thread
/// that lost its core on a shared 2-core machine) do not move the way they move the mean. Without
/// a <c>--job</c> argument each figure comes from three launches of ten iterations.
/// </summary>
public static class BenchConfig
{
    public static IConfig Create(string[] args)
    {
        var config = DefaultConfig.Instance
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(StatisticColumn.Min, StatisticColumn.Q1, StatisticColumn.Median, StatisticColumn.Q3, StatisticColumn.P95, StatisticColumn.Max)
            .AddColumn(MedianRatioColumn.Instance)
            .WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
        if (!args.Any(a => a is "--job" or "-j" || a.StartsWith("--job=", StringComparison.Ordinal)))
        {
            config = config.AddJob(Job.Default.WithLaunchCount(3).WithWarmupCount(3).WithIterationCount(10).AsDefault());
        }

        return config;
    }
}

/// <summary>Median of this benchmark over the median of its group's baseline, from the same run.</summary>
public sealed class MedianRatioColumn : IColumn
{
    public static readonly MedianRatioColumn Instance = new();

    public string Id => nameof(MedianRatioColumn);

    public string ColumnName => "Ratio of medians";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Baseline;

    public int PriorityInCategory => -1;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Median of this benchmark divided by the median of the baseline in its group";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var baseline = summary.GetBaseline(summary.GetLogicalGroupKey(benchmarkCase));
        var own = summary[benchmarkCase]?.ResultStatistics;
        var reference = baseline is null ? null : summary[baseline]?.ResultStatistics;
        if (own is null || reference is null || reference.Median <= 0)
        {
            return "-";
        }

        return (own.Median / reference.Median).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
    }
}
