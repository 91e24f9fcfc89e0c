using System.Collections.Generic;

namespace UxRt.Camkes.Adl.Text;

/// <summary>Serves files from a dictionary of path to text: for tests, benchmarks and tools that hold specs in memory.</summary>
public sealed class InMemorySourceProvider : ISourceProvider
{
    private readonly Dictionary<string, string> _files = new(System.StringComparer.Ordinal);

    public InMemorySourceProvider Add(string path, string text)
    {
        _files[PathNames.Normalize(path)] = text;
        return this;
    }

    public string? TryRead(string path) => _files.TryGetValue(PathNames.Normalize(path), out var text) ? text : null;
}
