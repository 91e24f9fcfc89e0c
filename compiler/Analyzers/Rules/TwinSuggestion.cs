using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Operations;
using UxRt.Camkes.Analyzers.FixHints;
using UxRt.Camkes.Analyzers.Symbols;

namespace UxRt.Camkes.Analyzers.Rules;

/// <summary>
/// What to suggest instead of a synchronous call <c>M</c>: its twin <c>MAsync</c> when the receiver
/// has one, with a fix when the twin is a drop-in replacement.
/// </summary>
internal readonly struct TwinSuggestion
{
    private TwinSuggestion(string instead, ImmutableDictionary<string, string?> fix, bool hasTwin)
    {
        Instead = instead;
        Fix = fix;
        HasTwin = hasTwin;
    }

    /// <summary>The message's "use … instead" part.</summary>
    public string Instead { get; }

    public ImmutableDictionary<string, string?> Fix { get; }

    /// <summary>Whether the receiver has any method named <c>MAsync</c>.</summary>
    public bool HasTwin { get; }

    public static TwinSuggestion For(IInvocationOperation call, AsyncTwins twins, string fallback)
    {
        var asyncName = call.TargetMethod.Name + AsyncTwins.Suffix;
        var candidates = twins.Named(call, asyncName);
        if (candidates.IsEmpty)
        {
            return new TwinSuggestion(fallback, FixHint.None, hasTwin: false);
        }

        var fix = twins.DropIn(call, candidates) is not null && CallShape.IsRenamableCall(call.Syntax)
            ? FixHint.AwaitAsyncTwin(asyncName)
            : FixHint.None;
        return new TwinSuggestion($"'await {candidates[0].ContainingType.Name}.{asyncName}(...)'", fix, hasTwin: true);
    }
}
