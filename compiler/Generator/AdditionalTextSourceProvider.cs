using System.Collections.Generic;
using UxRt.Camkes.Adl;
using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Compiler.Generator;

/// <summary>
/// Serves the project's spec files (its AdditionalFiles) to the front end. A generator must not
/// read the disk, so imports resolve only among the files the project hands in.
/// </summary>
internal sealed class AdditionalTextSourceProvider : ISourceProvider
{
    private readonly Dictionary<string, string> _files = new(System.StringComparer.Ordinal);

    public AdditionalTextSourceProvider(EquatableArray<SpecFile> files)
    {
        foreach (var file in files)
        {
            _files[file.Path] = file.Text;
        }
    }

    public string? TryRead(string path) => _files.TryGetValue(PathNames.Normalize(path), out var text) ? text : null;
}
