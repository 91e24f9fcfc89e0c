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
/// read (or being read, so a file may import itself) adds nothing. A file that is refused (not
/// regular, too large) or one import too many (<see cref="FrontEndLimits.MaxImportedFiles"/>) is
/// reported where it is named.
/// </summary>
public sealed class SpecificationLoader
{
    private readonly ISourceProvider _sources;
    private readonly FrontEndOptions _options;
    private readonly DiagnosticBag _diagnostics;
    private readonly List<SpecificationSyntax> _loaded = new();
    private readonly HashSet<string> _read = new(System.StringComparer.Ordinal);
    private bool _importLimitReported;

    public SpecificationLoader(ISourceProvider sources, FrontEndOptions options, DiagnosticBag diagnostics)
    {
        _sources = sources;
        _options = options;
        _diagnostics = diagnostics;
    }

    public LoadedSpecification? Load(string rootPath)
    {
        var root = PathNames.Normalize(rootPath);
        string? text;
        try
        {
            text = _sources.TryRead(root) is { } read ? SearchPath.Bounded(root, read) : null;
        }
        catch (UnreadableSourceException refusal)
        {
            _diagnostics.ReportRefused(refusal, SourceLocation.StartOf(rootPath));
            return null;
        }

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
        if (preprocessed.StoppedAtLimit)
        {
            // Already reported (ADL0040); parsing megabytes of what is left would only cost time.
            _loaded.Add(new SpecificationSyntax(path, EquatableArray<DefinitionSyntax>.Empty));
            return;
        }

        var (syntax, diagnostics) = AdlParser.Parse(path, preprocessed.Text, preprocessed.LineMap, preprocessed.Comments);
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
            foreach (var include in procedure.Includes.Where(i => !i.IsSearched))
            {
                CheckHeaderExists(path, procedure, include);
            }
        }

        _loaded.Add(syntax);
    }

    private void CheckHeaderExists(string path, ProcedureSyntax procedure, IncludeSyntax include)
    {
        try
        {
            if (SearchPath.Locate(_sources, _options.IncludeDirectories, path, include.Path, include.IsSearched) is null)
            {
                _diagnostics.Report(DiagnosticDescriptors.IncludedHeaderNotFound, include.Location, FrontEndLimits.Quote(include.Path), procedure.Name);
            }
        }
        catch (UnreadableSourceException refusal)
        {
            _diagnostics.ReportRefused(refusal, include.Location);
        }
    }

    private void FollowImport(string importer, ImportSyntax import)
    {
        (string Path, string Text)? target;
        try
        {
            target = Locate(importer, import);
        }
        catch (UnreadableSourceException refusal)
        {
            _diagnostics.ReportRefused(refusal, import.Location);
            return;
        }

        if (target is null)
        {
            _diagnostics.Report(DiagnosticDescriptors.ImportNotFound, import.Location, FrontEndLimits.Quote(import.Path));
            return;
        }

        var (path, text) = target.Value;
        if (_read.Contains(path))
        {
            return;
        }

        if (_read.Count - 1 >= FrontEndLimits.MaxImportedFiles) // The root file is no import.
        {
            // Said once: the imports after it are not read either.
            if (!_importLimitReported)
            {
                _diagnostics.Report(DiagnosticDescriptors.LimitExceeded, import.Location, $"more than {FrontEndLimits.MaxImportedFiles} files imported; '{FrontEndLimits.Quote(import.Path)}' and later imports are not read");
                _importLimitReported = true;
            }

            return;
        }

        LoadFile(path, text);
    }

    private (string Path, string Text)? Locate(string importer, ImportSyntax import) =>
        SearchPath.Locate(_sources, _options.IncludeDirectories, importer, import.Path, import.IsSearched);
}
