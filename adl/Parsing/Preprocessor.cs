using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Parsing.Preprocessing;
using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Adl.Parsing;

/// <summary>The text the parser sees after preprocessing, and where each of its lines came from.</summary>
public sealed record PreprocessedText(string Text, LineMap LineMap)
{
    /// <summary>True when preprocessing stopped at a front-end limit (ADL0040): the text is incomplete and not worth parsing.</summary>
    public bool StoppedAtLimit { get; init; }

    /// <summary>The comments of every file read, which <see cref="Text"/> no longer has (they become doc comments).</summary>
    public SpecComments Comments { get; init; } = new();
}

/// <summary>
/// Stage "Preprocess": the C preprocessor subset that CAmkES specs use — <c>#include</c>,
/// object- and function-like <c>#define</c>, <c>#undef</c>, <c>#if/#ifdef/#ifndef/#elif/#else/#endif</c>,
/// <c>#error</c>/<c>#warning</c> — with <c>-D</c> definitions from the options. The line map
/// records where every output line came from so diagnostics name the original file and line.
/// </summary>
public static class Preprocessor
{
    public static PreprocessedText Run(string path, string text, ISourceProvider sources, FrontEndOptions options, DiagnosticBag diagnostics)
    {
        // Most specs use no directive at all: then the text is already what the parser needs,
        // and keeping it untouched keeps exact offsets in diagnostics.
        if (options.Defines.IsEmpty && text.IndexOf('#') < 0)
        {
            var comments = new SpecComments();
            comments.Add(path, text);
            return new PreprocessedText(text, LineMap.Identity(path)) { Comments = comments };
        }

        return new PreprocessorRun(sources, options, diagnostics).Run(path, text);
    }
}
