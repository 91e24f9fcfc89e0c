using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Adl.Tests.Hostile;

/// <summary>A directory of spec files on disk for one test, deleted afterwards: some attacks need a real file system.</summary>
internal sealed class TempSpecs : IDisposable
{
    public TempSpecs() => System.IO.Directory.CreateDirectory(Directory);

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "camkes-hostile-" + Guid.NewGuid().ToString("N"));

    public string Write(string name, string text)
    {
        var path = PathOf(name);
        File.WriteAllText(path, text);
        return path;
    }

    public string PathOf(string name) => PathNames.Normalize(Path.Combine(Directory, name));

    public FrontEndResult Compile(string name) =>
        Bounded.Compile(() => AdlFrontEnd.Compile(PathOf(name), FileSystemSourceProvider.Instance, FrontEndOptions.Default));

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
