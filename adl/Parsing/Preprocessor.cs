using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Adl.Parsing;

/// <summary>The text the parser sees after preprocessing, and where each of its lines came from.</summary>
public sealed record PreprocessedText(string Text, LineMap LineMap);

/// <summary>
/// Stage "Preprocess": the C preprocessor subset that CAmkES specs use. This first version only
/// blanks out directive lines (keeping line numbers intact); the full subset replaces it.
/// </summary>
public static class Preprocessor
{
    public static PreprocessedText Run(string path, string text, ISourceProvider sources, FrontEndOptions options, DiagnosticBag diagnostics)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith("#", System.StringComparison.Ordinal))
            {
                lines[i] = string.Empty;
            }
        }

        return new PreprocessedText(string.Join("\n", lines), LineMap.Identity(path));
    }
}
