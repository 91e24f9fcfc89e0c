using System.Collections.Immutable;
using UxRt.Camkes.Adl;
using UxRt.Camkes.Adl.Connectors;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Text;
using UxRt.Camkes.Compiler.Emit;
using UxRt.Camkes.Compiler.Generator;

namespace UxRt.Camkes.Cli;

/// <summary>
/// `--templates DIR`, the generator's CamkesTemplatePath: the templates under it and the connector
/// catalog entries beside them, selected as the source generator selects them (UserTemplates).
/// </summary>
internal static class UserTemplateDirectory
{
    public static (EquatableArray<TemplateOverride> Templates, ConnectorCatalog Catalog, EquatableArray<AdlDiagnostic> Problems) Read(string? directory)
    {
        if (string.IsNullOrEmpty(directory))
        {
            return (EquatableArray<TemplateOverride>.Empty, ConnectorCatalog.BuiltIn, EquatableArray<AdlDiagnostic>.Empty);
        }

        var root = PathNames.Normalize(directory);
        var files = Directory.EnumerateFiles(root, "*.hbs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(root, ConnectorCatalogFile.FileName, SearchOption.AllDirectories))
            .Select(path => new SpecFile(PathNames.Normalize(path), File.ReadAllText(path)))
            .ToImmutableArray();
        var (catalog, problems) = UserTemplates.Catalog(root, files);
        return (UserTemplates.Under(root, files), catalog, problems);
    }
}
