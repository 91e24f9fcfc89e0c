namespace UxRt.Camkes.Adl.Text;

/// <summary>
/// A file exists but is refused: not a regular file (a device, a FIFO, a directory), or larger
/// than <see cref="FrontEndLimits.MaxFileChars"/>. Thrown by a source provider or by
/// <see cref="SearchPath"/>, and turned into a positioned diagnostic where the file is named.
/// </summary>
public sealed class UnreadableSourceException : System.IO.IOException
{
    public UnreadableSourceException(string path, bool tooLarge, string reason)
        : base(reason)
    {
        Path = path;
        TooLarge = tooLarge;
    }

    public string Path { get; }

    /// <summary>True when the file is refused for its size; false when it is not a regular file.</summary>
    public bool TooLarge { get; }

    public static UnreadableSourceException TooLong(string path) =>
        new(path, tooLarge: true, $"'{FrontEndLimits.Quote(path)}' is larger than {FrontEndLimits.MaxFileChars} characters, the most the front end reads from one file");

    public static UnreadableSourceException NotRegular(string path) =>
        new(path, tooLarge: false, $"'{FrontEndLimits.Quote(path)}' is not a regular file; only regular files are read");
}
