using UxRt.Camkes.Adl.Tests.Hostile;
using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Adl.Tests.Fuzzing;

/// <summary>
/// What must hold for every input, however broken: the front end ends within a bound, throws
/// nothing, reports no internal error (ADL0999), positions every diagnostic, keeps messages short,
/// and hands out no model with errors. The quick assembly check holds to the same bounds. Memory is
/// bounded by the heap held at once (the expander's garbage is churn, not a risk to the build).
/// </summary>
internal static class FrontEndOracle
{
    // A hang, not a slow input, is the finding: a regression file that takes ~2 s alone took over 20 s
    // on a 2-core machine at load 40, so the bound leaves room for a loaded machine.
    public static readonly TimeSpan TimePerInput = TimeSpan.FromSeconds(60);

    private const int MaxMessageChars = 1100;

    // The heap is sampled process-wide, and tests in other classes run alongside: a loose bound.
    private const long MaxPeakHeapBytes = 2L << 30;

    /// <summary>Null when <paramref name="text"/> at <paramref name="path"/> is handled well; else what went wrong.</summary>
    public static string? Check(string path, string text, FrontEndOptions options)
    {
        var sources = new OverlaySourceProvider(path, text);
        try
        {
            var (result, _, peak) = Bounded.Measure(() => AdlFrontEnd.Compile(path, sources, options), TimePerInput);
            Bounded.Run(() => AdlFrontEnd.DeclaresAssembly(path, text, sources, options), TimePerInput);
            return peak > MaxPeakHeapBytes ? $"held {peak / (1024 * 1024)} MB"
                : result.Diagnostics.FirstOrDefault(d => d.Id == "ADL0999") is { } internalError ? internalError.ToString()
                : result.Diagnostics.FirstOrDefault(d => d.Location.Line < 1 || d.Location.Column < 1 || d.Location.FilePath.Length == 0) is { } unplaced ? "unpositioned: " + unplaced
                : result.Diagnostics.FirstOrDefault(d => d.Message.Length > MaxMessageChars) is { } longMessage ? $"{longMessage.Id} message of {longMessage.Message.Length} characters"
                : result.HasErrors && result.Model is not null ? "a model despite errors"
                : null;
        }
        catch (Exception exception) when (exception is TimeoutException or InvalidOperationException)
        {
            return exception.InnerException?.ToString() ?? exception.Message;
        }
    }

    public static FrontEndOptions CorpusOptions => Corpus.Options;

    /// <summary>Where a finding about <paramref name="spec"/> was made, for the message.</summary>
    public static string Describe(string spec, int seed, int iteration, string failure) =>
        $"{PathNames.Normalize(spec)} (seed {seed}, iteration {iteration}): {failure}";
}
