using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Adl.Tests.Fuzzing;

/// <summary>
/// One file served from memory in place of the disk's, everything else from the disk: a mutated
/// spec keeps its place in the corpus, so its relative imports and includes (and its imports of
/// itself) still resolve, and inserted names such as <c>/dev/zero</c> reach the real file system.
/// </summary>
internal sealed class OverlaySourceProvider : ISourceProvider
{
    private readonly string _path;
    private readonly string _text;

    public OverlaySourceProvider(string path, string text)
    {
        _path = PathNames.Normalize(path);
        _text = text;
    }

    public string? TryRead(string path) =>
        PathNames.Normalize(path) == _path ? _text : FileSystemSourceProvider.Instance.TryRead(path);
}
