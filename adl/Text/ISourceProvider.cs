namespace UxRt.Camkes.Adl.Text;

/// <summary>
/// Where the front end reads files from. The source generator serves AdditionalFiles (a generator
/// must not touch the disk); the command-line tool serves the file system.
/// </summary>
public interface ISourceProvider
{
    /// <summary>Returns the text of <paramref name="path"/> (a full path), or null when there is no such file.</summary>
    string? TryRead(string path);
}
