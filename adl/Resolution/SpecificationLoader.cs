using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Parsing;
using UxRt.Camkes.Adl.Syntax;
using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Adl.Resolution;

/// <summary>
/// Stage "Read": starting at the root file, preprocesses and parses each file and follows its
/// imports (relative to the importing file, or searched along the include path and then the
/// built-in library). Each file is read once: as in CAmkES, importing a file that is already
/// read (or being read, so a file may import itself) adds nothing.
/// </summary>
public sealed class SpecificationLoader
{
    private readonly ISourceProvider _sources;
    private readonly FrontEndOptions _options;
    private readonly DiagnosticBag _diagnostics;
    private readonly List<SpecificationSyntax> _loaded = new();
    private readonly HashSet<string> _read = new(System.StringComparer.Ordinal);

    public SpecificationLoader(ISourceProvider sources, FrontEndOptions options, DiagnosticBag diagnostics)
    {
        _sources = sources;
        _options = options;
        _diagnostics = diagnostics;
    }

    public LoadedSpecification? Load(string rootPath)
    {
        var root = PathNames.Normalize(rootPath);
        var text = _sources.TryRead(root);
        if (text is null)
        {
            _diagnostics.Report(DiagnosticDescriptors.ImportNotFound, SourceLocation.StartOf(rootPath), rootPath);
            return null;
        }

        LoadFile(root, text);
        return new LoadedSpecification(root, _loaded.ToEquatableArray());
    }

    private void LoadFile(string path, string text)
    {
        _read.Add(path);
        var preprocessed = Preprocessor.Run(path, text, _sources, _options, _diagnostics);
        var (syntax, diagnostics) = AdlParser.Parse(path, preprocessed.Text, preprocessed.LineMap);
        _diagnostics.AddRange(diagnostics);

        foreach (var import in syntax.Definitions.OfType<ImportSyntax>())
        {
            FollowImport(path, import);
        }

        // A procedure's `include "x.h";` is looked up like #include; the header itself is C, not read
        // here. `include <x.h>` names a system header (stdint.h) that a C toolchain would supply, and
        // the built-in library's own includes name camkes-tool's C headers, so neither is checked.
        foreach (var procedure in BuiltInLibrary.IsBuiltIn(path) ? Enumerable.Empty<ProcedureSyntax>() : syntax.Definitions.OfType<ProcedureSyntax>())
        {
            foreach (var include in procedure.Includes.Where(i => !i.IsSearched && SearchPath.Locate(_sources, _options.IncludeDirectories, path, i.Path, i.IsSearched) is null))
            {
                _diagnostics.Report(DiagnosticDescriptors.IncludedHeaderNotFound, include.Location, include.Path, procedure.Name);
            }
        }

        _loaded.Add(syntax);
    }

    private void FollowImport(string importer, ImportSyntax import)
    {
        var target = Locate(importer, import);
        if (target is null)
        {
            _diagnostics.Report(DiagnosticDescriptors.ImportNotFound, import.Location, import.Path);
            return;
        }

        var (path, text) = target.Value;
        if (!_read.Contains(path))
        {
            LoadFile(path, text);
        }
    }

    private (string Path, string Text)? Locate(string importer, ImportSyntax import) =>
        SearchPath.Locate(_sources, _options.IncludeDirectories, importer, import.Path, import.IsSearched);
}
