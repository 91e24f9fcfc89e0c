namespace UxRt.Camkes.Remote;

/// <summary>Makes a string that came from the network fit for a log line or a fault message: at most a short, bounded length.</summary>
internal static class LogText
{
    private const int MaxLength = 80;

    public static string Untrusted(string? text) =>
        text is null ? "" : text.Length <= MaxLength ? text : string.Concat(text.AsSpan(0, MaxLength), $"… ({text.Length} chars)");
}
