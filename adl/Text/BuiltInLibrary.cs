using System.IO;
using System.Reflection;

namespace UxRt.Camkes.Adl.Text;

/// <summary>
/// Files that ship inside this assembly and are found by <c>import &lt;name&gt;;</c> after the
/// search path, such as <c>std_connector.camkes</c>.
/// </summary>
public static class BuiltInLibrary
{
    private const string ResourcePrefix = "UxRt.Camkes.Adl.Library.";

    /// <summary>The pseudo-directory that built-in files appear to live in (in diagnostics and paths).</summary>
    public const string Directory = "<builtin>";

    public static string PathOf(string name) => Directory + "/" + name;

    public static bool IsBuiltIn(string path) => path.StartsWith(Directory + "/", System.StringComparison.Ordinal);

    public static string? TryRead(string name)
    {
        // A file in a subfolder (TimeServer/TimeServer.camkes) is named with the separator of the
        // machine that built this assembly.
        var assembly = typeof(BuiltInLibrary).GetTypeInfo().Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? assembly.GetManifestResourceStream(ResourcePrefix + name.Replace('/', '\\'));
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
