using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using UxRt.Camkes.Adl.Model;

namespace UxRt.Camkes.Compiler.Emit;

/// <summary>
/// The C# type of a component attribute and C# expressions for its configured values: numbers,
/// strings and booleans as literals, spec structs as their generated record structs, arrays as
/// <c>ImmutableArray&lt;T&gt;</c>, and dictionaries without a declared struct (an anonymous inline
/// struct, say) as <c>ImmutableDictionary&lt;string, object?&gt;</c>.
/// </summary>
internal sealed class AttributeValues
{
    private const string Immutable = "global::System.Collections.Immutable";
    private const string Dictionary = Immutable + ".ImmutableDictionary<string, object?>";

    private readonly Dictionary<string, StructModel> _structs;

    public AttributeValues(IEnumerable<StructModel> structs)
    {
        _structs = new Dictionary<string, StructModel>(System.StringComparer.Ordinal);
        foreach (var structure in structs)
        {
            _structs[structure.Name] = structure;
        }
    }

    /// <summary>The property type of <paramref name="attribute"/>.</summary>
    public string Type(AttributeModel attribute)
    {
        var element = ElementType(attribute.Type);
        return attribute.IsArray ? $"{Immutable}.ImmutableArray<{element}>" : element;
    }

    /// <summary>An expression for <paramref name="value"/> as the attribute's type; for no value, the type's empty value.</summary>
    public string Expression(AttributeModel attribute, ConfigValue? value)
    {
        if (attribute.IsArray)
        {
            var items = value is ListValue list ? list.Items.Select(i => Element(attribute.Type, i)) : Enumerable.Empty<string>();
            return "[" + string.Join(", ", items) + "]";
        }

        return value is null ? Empty(attribute.Type) : Element(attribute.Type, value);
    }

    private string ElementType(TypeModel type)
    {
        if (IsAnonymous(type))
        {
            return Dictionary;
        }

        return _structs.ContainsKey(type.Name) ? CSharpNames.Pascal(type.Name) : CSharpTypes.Map(type);
    }

    private static bool IsAnonymous(TypeModel type) => type.IsStruct && (type.Name.Length == 0 || type.Name.StartsWith("struct {", System.StringComparison.Ordinal));

    private string Empty(TypeModel type) => ElementType(type) switch
    {
        "string" => "string.Empty",
        Dictionary => Dictionary + ".Empty",
        _ => "default",
    };

    private string Element(TypeModel type, ConfigValue value)
    {
        if (_structs.TryGetValue(type.Name, out var structure) && value is DictValue fields)
        {
            return StructExpression(structure, fields);
        }

        var csharp = ElementType(type);
        return Literal(value, csharp);
    }

    // Fields the value leaves out stay zeroed, as in C, and so do the elements of a fixed-length
    // (inline) array after the values given (ADL0015 rejects more values than it holds).
    private string StructExpression(StructModel structure, DictValue value)
    {
        var name = CSharpNames.Pascal(structure.Name);
        var assignments = new List<string>();
        foreach (var entry in value.Entries)
        {
            var field = structure.Fields.FirstOrDefault(f => f.Name == entry.Key);
            if (field is null)
            {
                continue;
            }

            var items = string.Join(", ", (entry.Value as ListValue)?.Items.Select(i => Element(field.Type, i)) ?? Enumerable.Empty<string>());
            var expression = field switch
            {
                { ArrayLength: not null } => $"{name}.{CSharpNames.Pascal(field.Name)}Array.From({items})",
                { IsArray: true } => $"new {ElementType(field.Type)}[] {{ {items} }}",
                _ => Element(field.Type, entry.Value),
            };
            assignments.Add($"{CSharpNames.Pascal(field.Name)} = {expression}");
        }

        return assignments.Count == 0 ? $"new {name}()" : $"new {name} {{ {string.Join(", ", assignments)} }}";
    }

    private string Literal(ConfigValue value, string csharpType) => value switch
    {
        IntegerValue i when csharpType is "float" => i.Value.ToString(CultureInfo.InvariantCulture) + "f",
        IntegerValue i when csharpType is "double" => i.Value.ToString(CultureInfo.InvariantCulture) + "d",
        IntegerValue i when csharpType is "string" => CSharpNames.Literal(i.Value.ToString(CultureInfo.InvariantCulture)),
        IntegerValue i when csharpType is "bool" => i.Value != 0 ? "true" : "false",
        IntegerValue i => i.Value.ToString(CultureInfo.InvariantCulture),
        FloatValue f => f.Value.ToString("R", CultureInfo.InvariantCulture) + (csharpType == "float" ? "f" : "d"),
        BooleanValue b => b.Value ? "true" : "false",
        StringValue s => CSharpNames.Literal(s.Value),
        ListValue l => Dictionary == csharpType
            ? Untyped(l)
            : "[" + string.Join(", ", l.Items.Select(item => Literal(item, csharpType))) + "]",
        DictValue d => Untyped(d),
        _ => "default",
    };

    // A dictionary's values have no declared type: each keeps the C# type its literal has.
    private string Untyped(ConfigValue value) => value switch
    {
        DictValue d => d.Entries.Count == 0
            ? Dictionary + ".Empty"
            : $"{Immutable}.ImmutableDictionary.CreateRange(new global::System.Collections.Generic.KeyValuePair<string, object?>[] {{ {string.Join(", ", d.Entries.Select(e => $"new({CSharpNames.Literal(e.Key)}, {Untyped(e.Value)})"))} }})",
        ListValue l => $"new object?[] {{ {string.Join(", ", l.Items.Select(Untyped))} }}",
        IntegerValue i when i.Value is >= int.MinValue and <= int.MaxValue => i.Value.ToString(CultureInfo.InvariantCulture),
        IntegerValue i => i.Value.ToString(CultureInfo.InvariantCulture) + "L",
        _ => Literal(value, "object"),
    };
}
