using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Model;
using UxRt.Camkes.Adl.Resolution;
using UxRt.Camkes.Adl.Syntax;
using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Adl.Checking;

/// <summary>
/// Checks that a value fits an attribute's declared C type: integers for integer types, strings
/// for <c>string</c>, dictionaries with the right fields for structs, lists for arrays and no more
/// values than a fixed-length array field holds (ADL0015).
/// Types it does not know (user typedefs) accept anything.
/// </summary>
internal sealed class AttributeValueChecker
{
    private const int MaxStructDepth = 32;

    private static readonly HashSet<string> IntegerTypes = new(System.StringComparer.Ordinal)
    {
        "int", "integer", "signed", "signed int", "unsigned", "unsigned int", "short", "unsigned short", "long",
        "unsigned long", "long long", "unsigned long long", "signed char", "unsigned char", "char",
        "int8_t", "int16_t", "int32_t", "int64_t", "uint8_t", "uint16_t", "uint32_t", "uint64_t",
        "size_t", "uintptr_t", "intptr_t", "dataport_ptr_t", "seL4_Word", "seL4_CPtr",
    };

    private static readonly HashSet<string> FloatTypes = new(System.StringComparer.Ordinal) { "float", "double" };

    private readonly SymbolTable _symbols;
    private readonly DiagnosticBag _diagnostics;

    public AttributeValueChecker(SymbolTable symbols, DiagnosticBag diagnostics)
    {
        _symbols = symbols;
        _diagnostics = diagnostics;
    }

    /// <summary>Reports ADL0015 at <paramref name="at"/> when <paramref name="value"/> does not fit; true when it fits.</summary>
    public bool Check(TypeSyntax type, bool isArray, ConfigValue value, SourceLocation at, string what)
    {
        var problem = Problem(type, isArray, value, depth: 0);
        if (problem is not null)
        {
            _diagnostics.Report(DiagnosticDescriptors.AttributeTypeMismatch, at, $"{what}: {problem}");
        }

        return problem is null;
    }

    private string? Problem(TypeSyntax type, bool isArray, ConfigValue value, int depth)
    {
        if (isArray)
        {
            if (value is not ListValue list)
            {
                return $"expected a list of {Describe(type)}, found {value.Describe()}";
            }

            return list.Items.Select(item => Problem(type, isArray: false, item, depth)).FirstOrDefault(p => p is not null);
        }

        // A declared struct may be named without the keyword (`attribute point where;`), as in CAmkES's apps.
        if (type.IsStruct || _symbols.Structs.ContainsKey(type.Name))
        {
            return StructProblem(type, value, depth);
        }

        var name = type.Name;
        if (IntegerTypes.Contains(name))
        {
            return value is IntegerValue or BooleanValue ? null : $"expected an integer ({name}), found {value.Describe()}";
        }

        if (name == "bool")
        {
            return value is BooleanValue or IntegerValue { Value: 0 or 1 } ? null : $"expected true or false, found {value.Describe()}";
        }

        if (FloatTypes.Contains(name))
        {
            return value is FloatValue or IntegerValue ? null : $"expected a number ({name}), found {value.Describe()}";
        }

        if (name == "string")
        {
            return value is StringValue ? null : $"expected a string, found {value.Describe()}";
        }

        return null;
    }

    private string? StructProblem(TypeSyntax type, ConfigValue value, int depth)
    {
        IReadOnlyList<StructFieldSyntax>? fields = type.Name.Length == 0
            ? type.InlineFields
            : _symbols.Structs.TryGetValue(type.Name, out var declared) ? declared.Fields : null;
        if (fields is null || depth > MaxStructDepth)
        {
            return null; // An unknown struct is reported where it is named; a runaway nesting is not checked further.
        }

        if (value is not DictValue dict)
        {
            return $"expected a dictionary of the fields of {Describe(type)}, found {value.Describe()}";
        }

        foreach (var entry in dict.Entries)
        {
            var field = fields.FirstOrDefault(f => f.Name == entry.Key);
            if (field is null)
            {
                return $"{Describe(type)} has no field '{entry.Key}'";
            }

            if (Problem(field.Type, field.IsArray, entry.Value, depth + 1) is { } problem)
            {
                return $"field '{entry.Key}': {problem}";
            }

            if (entry.Value is ListValue list && FixedLength(field) is { } length && list.Items.Count > length)
            {
                return $"field '{entry.Key}': {list.Items.Count} values for an array of {length}";
            }
        }

        return null;
    }

    // Evaluated apart: an invalid length is reported where the struct is resolved, not again here.
    private static long? FixedLength(StructFieldSyntax field) =>
        field.ArrayLength is { } length && new ExpressionEvaluator(new DiagnosticBag()).Evaluate(length) is IntegerValue value ? value.Value : null;

    private static string Describe(TypeSyntax type) =>
        type.IsStruct ? (type.Name.Length == 0 ? "the anonymous struct" : "struct " + type.Name) : type.Name;
}
