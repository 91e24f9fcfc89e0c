using System.Collections.Immutable;

namespace UxRt.Camkes.Analyzers.FixHints;

/// <summary>
/// The diagnostic properties that hand a fix over to the code fix provider: no properties, no fix.
/// </summary>
internal static class FixHint
{
    public const string KindKey = "UxRt.Fix";
    public const string AsyncNameKey = "UxRt.AsyncName";

    public static ImmutableDictionary<string, string?> None => ImmutableDictionary<string, string?>.Empty;

    public static ImmutableDictionary<string, string?> Of(FixKind kind) =>
        None.Add(KindKey, kind.ToString());

    public static ImmutableDictionary<string, string?> AwaitAsyncTwin(string asyncName) =>
        Of(FixKind.AwaitAsyncTwin).Add(AsyncNameKey, asyncName);

    /// <summary>Reads the fix back; false when the diagnostic carries none.</summary>
    public static bool TryRead(ImmutableDictionary<string, string?> properties, out FixKind kind, out string? asyncName)
    {
        asyncName = properties.TryGetValue(AsyncNameKey, out var name) ? name : null;
        kind = default;
        return properties.TryGetValue(KindKey, out var value)
            && value is not null
            && System.Enum.TryParse(value, out kind)
            && (kind != FixKind.AwaitAsyncTwin || !string.IsNullOrEmpty(asyncName));
    }
}
