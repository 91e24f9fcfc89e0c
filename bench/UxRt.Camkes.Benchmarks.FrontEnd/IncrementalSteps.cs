using System.Globalization;
using Microsoft.CodeAnalysis;

namespace UxRt.Camkes.Benchmarks.FrontEnd;

/// <summary>
/// Counts the generator's tracked step outputs that run again after an edit, against a full run:
/// the figure behind "an unrelated C# edit re-runs no step; a one-line spec edit re-runs less than
/// half". Prints a table per system size, then what each step did after the spec edit.
/// </summary>
internal static class IncrementalSteps
{
    public static int Print(int[] sizes)
    {
        Console.WriteLine("| components | run | step outputs re-run | of | share |");
        Console.WriteLine("|---:|---|---:|---:|---:|");
        GeneratorDriver? lastEdit = null;
        foreach (var size in sizes)
        {
            var run = new GeneratorRun(size);
            var full = run.CreateDriver().RunGenerators(run.Compilation);
            Row(size, "full run", GeneratorRun.CountSteps(full));
            Row(size, "unrelated C# edit", GeneratorRun.CountSteps(full.RunGenerators(run.EditedCompilation)));
            lastEdit = full.ReplaceAdditionalText(run.Spec, run.EditedSpec).RunGenerators(run.Compilation);
            Row(size, "one-line spec edit", GeneratorRun.CountSteps(lastEdit));
        }

        Console.WriteLine();
        Console.WriteLine($"After the one-line spec edit ({sizes[^1]:N0} components), step by step:");
        Console.WriteLine();
        Console.WriteLine("| step | outputs |");
        Console.WriteLine("|---|---|");
        foreach (var (name, steps) in lastEdit!.GetRunResult().Results.Single().TrackedSteps.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var reasons = steps.SelectMany(s => s.Outputs).GroupBy(o => o.Reason).Select(g => $"{g.Count()} {g.Key}");
            Console.WriteLine($"| {name} | {string.Join(", ", reasons)} |");
        }

        return 0;
    }

    private static void Row(int size, string run, (int Rerun, int Total) steps) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {size:N0} | {run} | {steps.Rerun} | {steps.Total} | {(double)steps.Rerun / steps.Total:P0} |"));
}
