using System.Collections.Immutable;

namespace UxRt.Camkes.Adl.Parsing.Preprocessing;

internal enum PpTokenKind
{
    Identifier,
    Number,
    String,
    Character,
    Punctuator,
    Whitespace,
}

/// <summary>
/// A preprocessing token. <see cref="HiddenFrom"/> is the set of macros whose expansion produced
/// it (Prosser's hide set), so that a macro is never expanded inside its own expansion.
/// </summary>
internal sealed record PpToken(PpTokenKind Kind, string Text, ImmutableHashSet<string> HiddenFrom)
{
    public static PpToken Of(PpTokenKind kind, string text) => new(kind, text, ImmutableHashSet<string>.Empty);

    public bool IsWhitespace => Kind == PpTokenKind.Whitespace;

    public bool Is(string punctuator) => Kind == PpTokenKind.Punctuator && Text == punctuator;
}
