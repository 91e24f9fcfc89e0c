using System.Collections.Generic;
using System.Text;

namespace UxRt.Camkes.Adl.Parsing.Preprocessing;

/// <summary>
/// A line as the preprocessor sees it: comments replaced by spaces (so columns stay where the
/// user wrote them) and backslash-newline continuations joined. <see cref="Line"/> is the first
/// physical line and <see cref="PhysicalLines"/> how many it spans.
/// </summary>
internal sealed record LogicalLine(int Line, int PhysicalLines, string Text)
{
    public bool IsDirective => Text.TrimStart().StartsWith("#", System.StringComparison.Ordinal);

    /// <summary>Splits a file into logical lines. Never fails: unterminated comments end at end of file.</summary>
    public static List<LogicalLine> Split(string text)
    {
        var physical = BlankComments(text).Split('\n');
        var lines = new List<LogicalLine>(physical.Length);
        for (var i = 0; i < physical.Length; i++)
        {
            var first = i;
            var joined = TrimCarriageReturn(physical[i]);
            while (joined.EndsWith("\\", System.StringComparison.Ordinal) && i + 1 < physical.Length)
            {
                joined = joined.Substring(0, joined.Length - 1) + TrimCarriageReturn(physical[++i]);
            }

            lines.Add(new LogicalLine(first + 1, i - first + 1, joined));
        }

        return lines;
    }

    private static string TrimCarriageReturn(string line) =>
        line.EndsWith("\r", System.StringComparison.Ordinal) ? line.Substring(0, line.Length - 1) : line;

    /// <summary>Replaces comments by spaces of the same length, keeping newlines; strings are left alone.</summary>
    internal static string BlankComments(string text)
    {
        if (text.IndexOf('/') < 0)
        {
            return text;
        }

        var result = new StringBuilder(text);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"' || c == '\'')
            {
                i = SkipLiteral(text, i);
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    result[i++] = ' ';
                }
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var end = text.IndexOf("*/", i + 2, System.StringComparison.Ordinal);
                var stop = end < 0 ? text.Length : end + 2;
                for (; i < stop; i++)
                {
                    if (text[i] != '\n' && text[i] != '\r')
                    {
                        result[i] = ' ';
                    }
                }
            }
            else
            {
                i++;
            }
        }

        return result.ToString();
    }

    // A literal ends at its closing quote or, unterminated, at the end of the line.
    private static int SkipLiteral(string text, int i)
    {
        var quote = text[i++];
        while (i < text.Length && text[i] != quote && text[i] != '\n')
        {
            i += text[i] == '\\' && i + 1 < text.Length && text[i + 1] != '\n' ? 2 : 1;
        }

        return i < text.Length && text[i] == quote ? i + 1 : i;
    }
}
