using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace UxRt.Camkes.Compiler.Emit;

/// <summary>
/// Names in generated code follow .NET conventions: PascalCase for types and members, camelCase
/// for parameters and locals, and C# keywords escaped with <c>@</c>.
/// </summary>
internal static class CSharpNames
{
    private static readonly HashSet<string> Keywords = new(System.StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary><c>hello_world</c>, <c>helloWorld</c> → <c>HelloWorld</c>.</summary>
    public static string Pascal(string name)
    {
        var words = Words(name);
        var result = string.Concat(words.Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1)));
        return result.Length == 0 ? "_" : char.IsDigit(result[0]) ? "_" + result : result;
    }

    /// <summary><c>hello_world</c>, <c>HelloWorld</c> → <c>helloWorld</c>, escaped if it is a keyword.</summary>
    public static string Camel(string name)
    {
        var pascal = Pascal(name);
        var camel = pascal.StartsWith("_", System.StringComparison.Ordinal) ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return Escape(camel);
    }

    /// <summary>A private field name: <c>_helloWorld</c>.</summary>
    public static string Field(string name) => "_" + Camel(name).TrimStart('@');

    /// <summary>The interface generated for a procedure: <c>hello</c> → <c>IHello</c>.</summary>
    public static string Interface(string procedure) => "I" + Pascal(procedure);

    public static string Escape(string identifier) => Keywords.Contains(identifier) ? "@" + identifier : identifier;

    /// <summary>A C# string literal for <paramref name="text"/>.</summary>
    public static string Literal(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                _ when char.IsControl(c) => "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    // Splits snake_case, kebab-case and camelCase into words, keeping each word's own letters.
    private static List<string> Words(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush();
                continue;
            }

            var startsWord = char.IsUpper(c) && current.Length > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])));
            if (startsWord)
            {
                Flush();
            }

            current.Append(c);
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }
}
