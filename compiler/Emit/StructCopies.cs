using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl.Model;

namespace UxRt.Camkes.Compiler.Emit;

/// <summary>
/// Which spec structs hold memory of their own (an unbounded array field, or a field of such a
/// struct): copying one by value would still share those arrays, so a call hands the other side
/// <c>Copied()</c>, which the struct gets, and nothing else of the caller's reaches the server.
/// Fixed-length arrays are stored inline and copy with the struct.
/// </summary>
internal sealed class StructCopies
{
    private const string ArgumentCopy = "global::UxRt.Camkes.Runtime.Glue.ArgumentCopy";

    private readonly Dictionary<string, StructModel> _structs = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _holdsMemory = new(System.StringComparer.Ordinal);

    public StructCopies(IEnumerable<StructModel> structs)
    {
        foreach (var structure in structs)
        {
            _structs[structure.Name] = structure;
        }
    }

    /// <summary>Whether a value of the struct named <paramref name="name"/> shares arrays when copied by value.</summary>
    public bool HoldsMemory(string name) => HoldsMemory(name, new HashSet<string>(System.StringComparer.Ordinal));

    /// <summary>The <c>with</c> assignments of <c>Copied()</c>: one per field that would share memory.</summary>
    public IReadOnlyList<string> Assignments(StructModel structure) =>
        structure.Fields.Where(f => f.ArrayLength is null && (f.IsArray || HoldsMemory(f.Type.Name)))
            .Select(f =>
            {
                var name = CSharpNames.Pascal(f.Name);
                return f.IsArray
                    ? $"{name} = {ArgumentCopy}.Clone({name}{ElementCopy(f.Type.Name)})"
                    : $"{name} = {name}.Copied()";
            })
            .ToList();

    /// <summary>
    /// An expression for a copy of <paramref name="value"/> (a parameter or result typed
    /// <paramref name="type"/>) that shares no memory with it: a new array, a struct's
    /// <c>Copied()</c>, or the value itself when it holds no memory.
    /// </summary>
    public string Copy(TypeModel type, bool isArray, string value) =>
        isArray ? $"{ArgumentCopy}.Clone({value}{ElementCopy(type.Name)})"
        : HoldsMemory(type.Name) ? $"{value}.Copied()"
        : value;

    /// <summary>The element copy passed along with an array whose elements hold memory.</summary>
    public string ElementCopy(string elementType) => HoldsMemory(elementType) ? ", static element => element.Copied()" : string.Empty;

    private bool HoldsMemory(string name, HashSet<string> visiting)
    {
        if (_holdsMemory.TryGetValue(name, out var known))
        {
            return known;
        }

        if (!_structs.TryGetValue(name, out var structure) || !visiting.Add(name))
        {
            return false; // Not a spec struct, or a cycle (which C cannot declare by value anyway).
        }

        var holds = structure.Fields.Any(f => f.ArrayLength is null && (f.IsArray || HoldsMemory(f.Type.Name, visiting)));
        _holdsMemory[name] = holds;
        return holds;
    }
}
