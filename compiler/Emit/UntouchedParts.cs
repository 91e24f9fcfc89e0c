using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Model;
using UxRt.Camkes.Adl.Syntax;
using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Compiler.Emit;

/// <summary>
/// Which definitions of a spec with errors no error touches, so that their code can still be
/// generated and the user sees the ADL error alone instead of one C# error per missing type. A
/// definition is touched by an error written between its start and the next item of its file
/// (definition, instance or connection), and a component also by a procedure it names that is
/// touched or missing.
/// </summary>
internal sealed class UntouchedParts
{
    private readonly HashSet<string> _procedures = new(System.StringComparer.Ordinal);
    private readonly HashSet<string> _structs = new(System.StringComparer.Ordinal);
    private readonly HashSet<string> _components = new(System.StringComparer.Ordinal);

    public UntouchedParts(SystemModel model, IEnumerable<AdlDiagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.IsError).Select(d => d.Location).ToList();
        var starts = model.Procedures.Select(p => p.Location)
            .Concat(model.Structs.Select(s => s.Location))
            .Concat(model.Components.Select(c => c.Location))
            .Concat(model.Connectors.Select(c => c.Location))
            .Concat(model.Instances.Select(i => i.Location))
            .Concat(model.Connections.Select(c => c.Location))
            .ToList();

        bool Clean(SourceLocation start)
        {
            var end = starts
                .Where(s => s.FilePath == start.FilePath && After(s, start))
                .Select(s => (SourceLocation?)s)
                .OrderBy(s => s!.Value.Line).ThenBy(s => s!.Value.Column)
                .FirstOrDefault();
            return !errors.Any(e => e.FilePath == start.FilePath && !After(start, e) && (end is null || After(end.Value, e)));
        }

        _procedures.UnionWith(model.Procedures.Where(p => Clean(p.Location)).Select(p => p.Name));
        _structs.UnionWith(model.Structs.Where(s => Clean(s.Location)).Select(s => s.Name));
        _components.UnionWith(model.Components
            .Where(c => Clean(c.Location))
            .Where(c => c.Interfaces.All(i => i.Kind is not (InterfaceKind.Uses or InterfaceKind.Provides) || _procedures.Contains(i.TypeName)))
            .Select(c => c.Name));
    }

    public bool IsUntouched(ProcedureModel procedure) => _procedures.Contains(procedure.Name);

    public bool IsUntouched(StructModel structure) => _structs.Contains(structure.Name);

    public bool IsUntouched(ComponentModel component) => _components.Contains(component.Name);

    private static bool After(SourceLocation later, SourceLocation earlier) =>
        later.Line > earlier.Line || (later.Line == earlier.Line && later.Column > earlier.Column);
}
