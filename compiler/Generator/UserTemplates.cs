using System.Collections.Immutable;
using System.Linq;
using UxRt.Camkes.Adl;
using UxRt.Camkes.Adl.Connectors;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Compiler.Emit;

namespace UxRt.Camkes.Compiler.Generator;

/// <summary>
/// Picks the user's templates (CamkesTemplatePath) out of the project's .hbs additional files, and
/// the connector catalog entries (<c>connectors/X/connector.catalog</c>) that sit beside them.
/// </summary>
internal static class UserTemplates
{
    public static EquatableArray<TemplateOverride> Under(string directory, ImmutableArray<SpecFile> files) =>
        FilesUnder(directory, files)
            .Where(t => CamkesGenerator.IsTemplateFile(t.RelativePath))
            .ToEquatableArray();

    /// <summary>The built-in catalog with the user's entries added, and what was wrong with any of them (ADL0103).</summary>
    public static (ConnectorCatalog Catalog, EquatableArray<AdlDiagnostic> Diagnostics) Catalog(string directory, ImmutableArray<SpecFile> files)
    {
        var diagnostics = new DiagnosticBag();
        var entries = FilesUnder(directory, files)
            .Where(t => ConnectorCatalogFile.IsCatalogFile(t.RelativePath))
            .Select(t => ConnectorCatalogFile.Read(t.RelativePath, t.FullPath, t.Text, diagnostics))
            .OfType<ConnectorEntry>()
            .ToList();
        return (entries.Count == 0 ? ConnectorCatalog.BuiltIn : ConnectorCatalog.BuiltIn.With(entries), diagnostics.ToSortedArray());
    }

    private static IOrderedEnumerable<TemplateOverride> FilesUnder(string directory, ImmutableArray<SpecFile> files)
    {
        var prefix = directory.TrimEnd('/') + "/";
        return files
            .Where(f => directory.Length > 0 && f.Path.StartsWith(prefix, System.StringComparison.Ordinal))
            .Select(f => new TemplateOverride(f.Path.Substring(prefix.Length), f.Path, f.Text))
            .OrderBy(t => t.RelativePath, System.StringComparer.Ordinal);
    }
}
