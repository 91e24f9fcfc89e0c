using System.Collections.Immutable;
using System.Linq;
using UxRt.Camkes.Adl;
using UxRt.Camkes.Compiler.Emit;

namespace UxRt.Camkes.Compiler.Generator;

/// <summary>Picks the user's templates (CamkesTemplatePath) out of the project's .hbs additional files.</summary>
internal static class UserTemplates
{
    public static EquatableArray<TemplateOverride> Under(string directory, ImmutableArray<SpecFile> files)
    {
        if (directory.Length == 0)
        {
            return EquatableArray<TemplateOverride>.Empty;
        }

        var prefix = directory.TrimEnd('/') + "/";
        return files
            .Where(f => f.Path.StartsWith(prefix, System.StringComparison.Ordinal))
            .Select(f => new TemplateOverride(f.Path.Substring(prefix.Length), f.Path, f.Text))
            .OrderBy(t => t.RelativePath, System.StringComparer.Ordinal)
            .ToEquatableArray();
    }
}
