
namespace UxRt.Camkes.Adl.Text;

/// <summary>
/// Where a piece of ADL text came from: the original file (after preprocessing has been undone),
/// a 1-based line and column, and the offset and length of the text in that file.
/// </summary>
public readonly record struct SourceLocation(string FilePath, int Line, int Column, int Offset, int Length)
{
    /// <summary>A location for problems that belong to a whole file rather than to some text in it.</summary>
    public static SourceLocation StartOf(string filePath) => new(filePath, 1, 1, 0, 0);

    public override string ToString() => $"{FilePath}({Line},{Column})";

    /// <summary>
    /// How a message names this place when reported at <paramref name="from"/>: "line 4" in the
    /// same file, "other.camkes(4,10)" in another.
    /// </summary>
    public string DescribeFrom(SourceLocation from) =>
        FilePath == from.FilePath
            ? $"line {Line}"
            : $"{PathNames.FileNameOf(FilePath)}({Line},{Column})";
}

/// <summary>One input file of the front end: a path and its text.</summary>
public sealed record SourceFile(string Path, string Text);
