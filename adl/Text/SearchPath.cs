using System.Collections.Generic;
using System.Linq;

namespace UxRt.Camkes.Adl.Text;

/// <summary>
/// Where <c>import</c> and <c>#include</c> look for a file: a quoted name first beside the file
/// that names it, then along the include directories, then in the built-in library. A file found
/// but refused (not regular, or larger than <see cref="FrontEndLimits.MaxFileChars"/>, whichever
/// provider served it) is an <see cref="UnreadableSourceException"/> for the caller to report.
/// </summary>
public static class SearchPath
{
    public static (string Path, string Text)? Locate(
        ISourceProvider sources,
        IEnumerable<string> includeDirectories,
        string fromFile,
        string name,
        bool searched)
    {
        if (name.Length == 0 || name.IndexOf('\0') >= 0)
        {
            return null;
        }

        var candidates = new List<string>();
        try
        {
            if (!searched && !BuiltInLibrary.IsBuiltIn(fromFile))
            {
                candidates.Add(PathNames.Combine(PathNames.DirectoryOf(fromFile), name));
            }

            candidates.AddRange(includeDirectories.Select(directory => PathNames.Combine(directory, name)));
        }
        catch (System.ArgumentException)
        {
            // A name with characters no file system accepts cannot be found anywhere but the library.
        }
        catch (System.NotSupportedException)
        {
            // As above (for example a ':' in the middle of a path on Windows).
        }

        foreach (var candidate in candidates)
        {
            if (sources.TryRead(candidate) is { } text)
            {
                return (candidate, Bounded(candidate, text));
            }
        }

        return BuiltInLibrary.TryRead(name) is { } builtIn ? (BuiltInLibrary.PathOf(name), builtIn) : null;
    }

    /// <summary>The text of <paramref name="path"/>, unless it is too large to read (a provider may hold anything).</summary>
    /// <exception cref="UnreadableSourceException">More than <see cref="FrontEndLimits.MaxFileChars"/> characters.</exception>
    public static string Bounded(string path, string text) =>
        text.Length > FrontEndLimits.MaxFileChars ? throw UnreadableSourceException.TooLong(path) : text;
}
