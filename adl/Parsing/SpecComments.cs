using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Adl.Parsing;

/// <summary>
/// The comments of the files one preprocessing read. The preprocessor blanks comments out of the
/// text the parser sees, so they are kept here, by file and line, for declarations to take the
/// comment written right above them as their documentation (the generated XML doc comments).
/// </summary>
public sealed class SpecComments
{
    private readonly Dictionary<string, FileComments> _files = new(System.StringComparer.Ordinal);

    /// <summary>Records the comments of <paramref name="text"/>, read from <paramref name="path"/> (the path locations name).</summary>
    public void Add(string path, string text)
    {
        if (!_files.ContainsKey(path))
        {
            _files[path] = FileComments.Of(text);
        }
    }

    /// <summary>
    /// The comment that documents the declaration at <paramref name="location"/>: a comment alone on
    /// its lines that ends on the line just above it (a run of <c>//</c> lines counts as one), as lines
    /// of text without the comment markers; empty when there is none.
    /// </summary>
    public EquatableArray<string> Above(SourceLocation location) =>
        _files.TryGetValue(location.FilePath, out var file) ? file.Above(location.Line) : EquatableArray<string>.Empty;

    private sealed record Comment(int StartLine, int EndLine, bool IsLine, bool Alone, string Text);

    private sealed class FileComments
    {
        private readonly Dictionary<int, Comment> _byEndLine = new();

        public static FileComments Of(string text)
        {
            var file = new FileComments();
            var line = 1;
            // Whether the current line has code before the comment that starts on it.
            var codeOnLine = false;
            var i = 0;
            var pending = new List<(int Start, int End, bool IsLine, bool CodeBefore, int StartIndex, int EndIndex)>();
            while (i < text.Length)
            {
                var c = text[i];
                if (c == '\n')
                {
                    line++;
                    codeOnLine = false;
                    i++;
                }
                else if (c == '"' || c == '\'')
                {
                    codeOnLine = true;
                    i = SkipLiteral(text, i);
                }
                else if (c == '/' && i + 1 < text.Length && (text[i + 1] == '/' || text[i + 1] == '*'))
                {
                    var isLine = text[i + 1] == '/';
                    var start = i;
                    var startLine = line;
                    var end = isLine ? IndexOrEnd(text, "\n", i) : System.Math.Min(text.Length, IndexOrEnd(text, "*/", i + 2) + 2);
                    for (var j = i; j < end; j++)
                    {
                        line += text[j] == '\n' ? 1 : 0;
                    }

                    pending.Add((startLine, line, isLine, codeOnLine, start, end));
                    i = end;
                }
                else
                {
                    if (!char.IsWhiteSpace(c))
                    {
                        codeOnLine = true;
                        // Code after a comment on the comment's last line: the comment documents nothing below.
                        if (pending.Count > 0 && pending[pending.Count - 1].End == line && !pending[pending.Count - 1].IsLine)
                        {
                            var last = pending[pending.Count - 1];
                            pending[pending.Count - 1] = (last.Start, last.End, last.IsLine, CodeBefore: true, last.StartIndex, last.EndIndex);
                        }
                    }

                    i++;
                }
            }

            foreach (var (start, end, isLine, codeBefore, startIndex, endIndex) in pending)
            {
                file._byEndLine[end] = new Comment(start, end, isLine, !codeBefore, text.Substring(startIndex, endIndex - startIndex));
            }

            return file;
        }

        public EquatableArray<string> Above(int line)
        {
            if (!_byEndLine.TryGetValue(line - 1, out var comment) || !comment.Alone)
            {
                return EquatableArray<string>.Empty;
            }

            var run = new List<Comment> { comment };
            // Consecutive // lines are one comment.
            while (comment.IsLine && _byEndLine.TryGetValue(comment.StartLine - 1, out var previous) && previous.IsLine && previous.Alone)
            {
                run.Insert(0, previous);
                comment = previous;
            }

            var lines = run.SelectMany(c => c.IsLine ? new[] { LineText(c.Text) } : BlockLines(c.Text)).ToList();
            while (lines.Count > 0 && lines[0].Length == 0)
            {
                lines.RemoveAt(0);
            }

            while (lines.Count > 0 && lines[lines.Count - 1].Length == 0)
            {
                lines.RemoveAt(lines.Count - 1);
            }

            return lines.ToEquatableArray();
        }

        // "// text" or "/// text" → "text".
        private static string LineText(string comment) => comment.TrimEnd('\r').TrimStart('/').Trim();

        // "/* a\n * b */" or "/** a */" → "a", "b": the markers and each line's leading "*" go.
        private static IEnumerable<string> BlockLines(string comment)
        {
            var body = comment.Substring(2, System.Math.Max(0, comment.Length - (comment.EndsWith("*/", System.StringComparison.Ordinal) && comment.Length >= 4 ? 4 : 2)));
            return body.Replace("\r", string.Empty).Split('\n').Select(l =>
            {
                var trimmed = l.Trim();
                return (trimmed.StartsWith("*", System.StringComparison.Ordinal) ? trimmed.TrimStart('*') : trimmed).Trim();
            });
        }
    }

    private static int IndexOrEnd(string text, string value, int from)
    {
        var found = text.IndexOf(value, from, System.StringComparison.Ordinal);
        return found < 0 ? text.Length : found;
    }

    // As the preprocessor reads literals: to the closing quote or, unterminated, the end of the line.
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
