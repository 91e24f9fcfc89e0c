using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Resolution;
using UxRt.Camkes.Adl.Syntax;
using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Compiler.Generator;

/// <summary>
/// Which of a project's specs are the roots of systems. CAmkES is given its root; a project hands
/// the generator every spec at once, so the root is the one the project names (<c>CamkesRoot</c>),
/// or else every spec that no other spec reads (by <c>import</c> or <c>#include</c>) and that, with
/// what it imports, declares an assembly. A spec imported by another is never a root, so an overlay
/// that imports an app's original spec and adds a <c>configuration</c> is one system with the app's
/// assembly merged into it. A spec that cannot be read cleanly is a root too, unless another reads
/// it, so that its errors are reported instead of the system silently missing.
/// </summary>
internal static class SystemRoots
{
    public static IReadOnlyList<string> Find(EquatableArray<SpecFile> files, ISourceProvider sources, FrontEndOptions options, string namedRoot)
    {
        if (namedRoot.Length > 0)
        {
            return new[] { namedRoot };
        }

        var looks = files.Where(f => CamkesGenerator.IsSpecFile(f.Path)).Select(f => Look(f.Path, sources, options)).ToList();
        var readByOthers = new HashSet<string>(looks.SelectMany(l => l.Reads), System.StringComparer.Ordinal);
        return looks
            .Where(l => !readByOthers.Contains(l.Path) && (l.DeclaresAssembly || l.HasErrors))
            .Select(l => l.Path)
            .ToList();
    }

    // Loads a spec with its imports, as Compile would, noting every other file it reads.
    private static SpecLook Look(string path, ISourceProvider sources, FrontEndOptions options)
    {
        var recording = new RecordingSourceProvider(sources);
        var diagnostics = new DiagnosticBag();
        try
        {
            var loaded = new SpecificationLoader(recording, options, diagnostics).Load(path);
            var declaresAssembly = loaded is not null && loaded.Files.Any(f => f.Definitions.OfType<AssemblySyntax>().Any());
            return new SpecLook(path, recording.ReadOtherThan(path), declaresAssembly, diagnostics.HasErrors);
        }
        catch (System.Exception)
        {
            // Never let a quick look break the build: as a root, Compile reports what is wrong.
            return new SpecLook(path, recording.ReadOtherThan(path), DeclaresAssembly: false, HasErrors: true);
        }
    }

    private sealed record SpecLook(string Path, IReadOnlyCollection<string> Reads, bool DeclaresAssembly, bool HasErrors);

    /// <summary>Serves files from another provider and remembers the ones it found.</summary>
    private sealed class RecordingSourceProvider(ISourceProvider inner) : ISourceProvider
    {
        private readonly HashSet<string> _read = new(System.StringComparer.Ordinal);

        public string? TryRead(string path)
        {
            var text = inner.TryRead(path);
            if (text is not null)
            {
                _read.Add(PathNames.Normalize(path));
            }

            return text;
        }

        public IReadOnlyCollection<string> ReadOtherThan(string path) => _read.Where(p => p != path).ToList();
    }
}
