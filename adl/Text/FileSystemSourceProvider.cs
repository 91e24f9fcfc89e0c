using System.IO;

namespace UxRt.Camkes.Adl.Text;

/// <summary>
/// Serves files from the disk, for the command-line tool and tests. (The source generator must
/// not touch the disk; it serves its AdditionalFiles instead.) Only regular files are opened, and
/// at most <see cref="FrontEndLimits.MaxFileChars"/> characters are read from one, so a spec that
/// names <c>/dev/zero</c> or a FIFO gets an error instead of a build that never ends.
/// </summary>
public sealed class FileSystemSourceProvider : ISourceProvider
{
    public static readonly FileSystemSourceProvider Instance = new();

    /// <exception cref="UnreadableSourceException">The file exists but is not regular, or is too large.</exception>
    public string? TryRead(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            if (!FileKind.IsRegularFile(path))
            {
                throw UnreadableSourceException.NotRegular(path);
            }

            return ReadBounded(path);
        }
        catch (UnreadableSourceException)
        {
            throw;
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

    // Reads one character past the limit at most: enough to know the file is too large.
    private static string ReadBounded(string path)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        var buffer = new char[64 * 1024];
        var text = new System.Text.StringBuilder();
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            text.Append(buffer, 0, read);
            if (text.Length > FrontEndLimits.MaxFileChars)
            {
                throw UnreadableSourceException.TooLong(path);
            }
        }

        return text.ToString();
    }
}
