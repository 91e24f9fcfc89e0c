using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl.Model;

namespace UxRt.Camkes.Compiler.Emit;

/// <summary>
/// Whether a specification struct is one flat block of memory (numbers, fixed-length arrays and
/// other flat structs): only such structs can be copied through a seL4RPCDataport buffer.
/// </summary>
internal sealed class FlatTypes
{
    private readonly Dictionary<string, StructModel> _structs;

    public FlatTypes(SystemModel model) => _structs = model.Structs.GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.First());

    /// <summary>The first parameter of <paramref name="procedure"/> that a buffer cannot carry, or null when all can.</summary>
    public string? FirstUnmarshallable(ProcedureModel procedure)
    {
        foreach (var method in procedure.Methods)
        {
            var carried = method.Parameters.Select(p => (Name: p.Name, p.Type)).ToList();
            if (method.ReturnType is { } returned)
            {
                carried.Add(("return value", returned));
            }

            foreach (var (name, type) in carried)
            {
                if (_structs.ContainsKey(type.Name) && !IsFlat(type.Name, new HashSet<string>()))
                {
                    return $"{method.Name}({name}): struct {type.Name}";
                }
            }
        }

        return null;
    }

    private bool IsFlat(string structName, HashSet<string> visiting)
    {
        if (!_structs.TryGetValue(structName, out var structure) || !visiting.Add(structName))
        {
            return false;
        }

        return structure.Fields.All(f =>
            (!f.IsArray || f.ArrayLength is not null)
            && f.Type.Name != "string"
            && (!_structs.ContainsKey(f.Type.Name) || IsFlat(f.Type.Name, visiting)));
    }
}
