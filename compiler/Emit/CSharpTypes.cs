using System.Collections.Generic;
using UxRt.Camkes.Adl.Model;

namespace UxRt.Camkes.Compiler.Emit;

/// <summary>
/// Maps C type names from procedures to C# types (docs/architecture.md and README's "How the spec maps to C#"). A name that is not a C
/// type is passed through, so user types work and the C# compiler reports unknown ones.
/// </summary>
internal static class CSharpTypes
{
    private static readonly Dictionary<string, string> Builtins = new(System.StringComparer.Ordinal)
    {
        ["int"] = "int",
        ["signed"] = "int",
        ["signed int"] = "int",
        ["unsigned"] = "uint",
        ["unsigned int"] = "uint",
        ["short"] = "short",
        ["short int"] = "short",
        ["unsigned short"] = "ushort",
        ["unsigned short int"] = "ushort",
        ["long"] = "long",
        ["long int"] = "long",
        ["unsigned long"] = "ulong",
        ["unsigned long int"] = "ulong",
        ["long long"] = "long",
        ["long long int"] = "long",
        ["unsigned long long"] = "ulong",
        ["unsigned long long int"] = "ulong",
        ["char"] = "sbyte",
        ["signed char"] = "sbyte",
        ["unsigned char"] = "byte",
        ["int8_t"] = "sbyte",
        ["uint8_t"] = "byte",
        ["int16_t"] = "short",
        ["uint16_t"] = "ushort",
        ["int32_t"] = "int",
        ["uint32_t"] = "uint",
        ["int64_t"] = "long",
        ["uint64_t"] = "ulong",
        ["size_t"] = "nuint",
        ["ssize_t"] = "nint",
        ["uintptr_t"] = "nuint",
        ["intptr_t"] = "nint",
        ["bool"] = "bool",
        ["float"] = "float",
        ["double"] = "double",
        ["string"] = "string",
        ["dataport_ptr_t"] = "global::UxRt.Camkes.Runtime.Dataports.DataportPtr",
        ["character"] = "char",
        ["integer"] = "int",
        ["real"] = "double",
        ["boolean"] = "bool",
    };

    /// <summary>Whether <paramref name="type"/> reaches C# under its own name, as a type the user writes.</summary>
    public static bool IsPassedThrough(TypeModel type) => !type.IsStruct && !Builtins.ContainsKey(type.Name);

    public static string Map(TypeModel type, bool isArray = false)
    {
        var element = type.IsStruct
            ? CSharpNames.Pascal(type.Name)
            : Builtins.TryGetValue(type.Name, out var builtin) ? builtin : type.Name;
        return isArray ? element + "[]" : element;
    }

    /// <summary>Whether a field of this type needs <c>= default!</c> to satisfy nullable analysis.</summary>
    public static bool IsReference(string csharpType) => csharpType == "string" || csharpType.EndsWith("[]", System.StringComparison.Ordinal);
}
