using System.IO;

namespace UxRt.Camkes.Adl.Text;

/// <summary>Path arithmetic shared by every source provider, so they agree on what a path is.</summary>
public static class PathNames
{
    /// <summary>A canonical full path with forward slashes, used as the key of a file.</summary>
    public static string Normalize(string path) => Path.GetFullPath(path).Replace('\\', '/');

    public static string Combine(string directory, string relative) => Normalize(Path.Combine(directory, relative));

    public static string DirectoryOf(string path) => Path.GetDirectoryName(path) ?? ".";

    /// <summary>
    /// The last part of a path, for messages. Done by hand because .NET Framework's
    /// Path.GetFileName rejects names such as "&lt;builtin&gt;/std_connector.camkes".
    /// </summary>
    public static string FileNameOf(string path) => path.Substring(path.LastIndexOfAny(new[] { '/', '\\' }) + 1);
}
