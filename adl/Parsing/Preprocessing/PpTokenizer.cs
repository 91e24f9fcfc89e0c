using System.Collections.Generic;

namespace UxRt.Camkes.Adl.Parsing.Preprocessing;

/// <summary>
/// Splits one logical line (comments already blanked) into preprocessing tokens. Strings and
/// character literals are single tokens, so macros are never expanded inside them.
/// </summary>
internal static class PpTokenizer
{
    private static readonly string[] Punctuators =
    {
        "##", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "<-", "->", "**", "...",
    };

    public static List<PpToken> Tokenize(string text)
    {
        var tokens = new List<PpToken>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            var c = text[i];
            PpTokenKind kind;
            if (char.IsWhiteSpace(c))
            {
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                kind = PpTokenKind.Whitespace;
            }
            else if (IsIdentifierStart(c))
            {
                while (i < text.Length && IsIdentifierPart(text[i]))
                {
                    i++;
                }

                kind = PpTokenKind.Identifier;
            }
            else if (char.IsDigit(c) || (c == '.' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                // A pp-number: digits, letters, dots and exponent signs, as C defines it.
                i++;
                while (i < text.Length && (IsIdentifierPart(text[i]) || text[i] == '.'
                    || ((text[i] == '+' || text[i] == '-') && (text[i - 1] == 'e' || text[i - 1] == 'E'))))
                {
                    i++;
                }

                kind = PpTokenKind.Number;
            }
            else if (c == '"' || c == '\'')
            {
                i = SkipQuoted(text, i);
                kind = c == '"' ? PpTokenKind.String : PpTokenKind.Character;
            }
            else
            {
                i += PunctuatorLength(text, i);
                kind = PpTokenKind.Punctuator;
            }

            tokens.Add(PpToken.Of(kind, text.Substring(start, i - start)));
        }

        return tokens;
    }

    public static bool IsIdentifierStart(char c) => c == '_' || (c < 128 && char.IsLetter(c));

    public static bool IsIdentifierPart(char c) => c == '_' || (c < 128 && char.IsLetterOrDigit(c));

    public static bool IsIdentifier(string text)
    {
        if (text.Length == 0 || !IsIdentifierStart(text[0]))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!IsIdentifierPart(c))
            {
                return false;
            }
        }

        return true;
    }

    // An unterminated literal ends at the end of the line, as in C.
    private static int SkipQuoted(string text, int i)
    {
        var quote = text[i++];
        while (i < text.Length && text[i] != quote)
        {
            i += text[i] == '\\' && i + 1 < text.Length ? 2 : 1;
        }

        return i < text.Length ? i + 1 : i;
    }

    private static int PunctuatorLength(string text, int i)
    {
        foreach (var punctuator in Punctuators)
        {
            if (string.CompareOrdinal(text, i, punctuator, 0, punctuator.Length) == 0)
            {
                return punctuator.Length;
            }
        }

        return 1;
    }
}
