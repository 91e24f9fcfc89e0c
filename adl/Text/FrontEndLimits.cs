namespace UxRt.Camkes.Adl.Text;

/// <summary>
/// Bounds that keep any input, however hostile, from stalling a build: real CAmkES specs stay far
/// below each of them (the largest in camkes-tool and its apps are tens of kilobytes, a few dozen
/// files). Going over one is the positioned error ADL0040, never a slow or failing build. The limits
/// hold per file (expansion, inclusion) and per compilation (imports), so a build's work is bounded
/// by their product at worst.
/// </summary>
public static class FrontEndLimits
{
    /// <summary>Characters one file may hold.</summary>
    public const int MaxFileChars = 4 * 1024 * 1024;

    /// <summary>Characters the preprocessing of one file may produce, includes and macros expanded.</summary>
    /// <remarks>Macro expansion runs at about a megabyte a second, so this also bounds the time a macro explosion costs.</remarks>
    public const int MaxExpandedChars = 2 * 1024 * 1024;

    /// <summary>Distinct files one preprocessing may include.</summary>
    public const int MaxIncludedFiles = 1000;

    /// <summary>Files one compilation may import.</summary>
    public const int MaxImportedFiles = 1000;

    /// <summary>Characters of a token or name quoted in a diagnostic; the rest is elided.</summary>
    public const int MaxQuotedChars = 80;

    /// <summary>A quotation of untrusted <paramref name="text"/> that cannot make a message huge.</summary>
    public static string Quote(string text) =>
        text.Length <= MaxQuotedChars ? text : text.Substring(0, MaxQuotedChars) + $"... ({text.Length} characters)";
}
