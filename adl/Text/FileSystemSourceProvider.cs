using System.IO;

namespace UxRt.Camkes.Adl.Text;

/// <summary>
/// Serves files from the disk, for the command-line tool and tests. (The source generator must
/// not touch the disk; it serves its AdditionalFiles instead.)
/// </summary>
public sealed class FileSystemSourceProvider : ISourceProvider
{
    public static readonly FileSystemSourceProvider Instance = new();

    public string? TryRead(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (System.UnauthorizedAccessException)
        {
            return null;
        }
        catch (System.ArgumentException)
        {
            return null;
        }
        catch (System.NotSupportedException)
        {
            return null;
        }
    }
}
