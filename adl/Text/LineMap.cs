using System.Collections.Generic;
using System.Collections.Immutable;

namespace UxRt.Camkes.Adl.Text;

/// <summary>
/// Maps a line of preprocessed text back to the file and line it came from, so that diagnostics
/// point at what the user wrote even after <c>#include</c> and macro expansion.
/// </summary>
public sealed class LineMap
{
    private readonly string _defaultFile;
    private readonly ImmutableArray<(string File, int Line)> _origins;

    private LineMap(string defaultFile, ImmutableArray<(string File, int Line)> origins)
    {
        _defaultFile = defaultFile;
        _origins = origins;
    }

    /// <summary>A map for text that was not preprocessed: every line is itself.</summary>
    public static LineMap Identity(string filePath) => new(filePath, ImmutableArray<(string, int)>.Empty);

    /// <summary>A map where output line i (1-based) came from <paramref name="origins"/>[i-1].</summary>
    public static LineMap FromOrigins(string defaultFile, IEnumerable<(string File, int Line)> origins) =>
        new(defaultFile, origins.ToImmutableArray());

    /// <summary>
    /// Translates a position in the parsed text. Offsets are only meaningful for unmapped text, so a
    /// remapped line keeps the column but drops the offset.
    /// </summary>
    public SourceLocation Map(int line, int column, int offset, int length)
    {
        if (_origins.IsEmpty)
        {
            return new SourceLocation(_defaultFile, line, column, offset, length);
        }

        var index = line - 1;
        if (index < 0 || index >= _origins.Length)
        {
            var last = _origins.Length == 0 ? (_defaultFile, 1) : _origins[_origins.Length - 1];
            return new SourceLocation(last.Item1, last.Item2, column, 0, 0);
        }

        var origin = _origins[index];
        return new SourceLocation(origin.File, origin.Line, column, 0, length);
    }
}
