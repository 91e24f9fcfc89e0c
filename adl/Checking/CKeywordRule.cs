using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Model;

namespace UxRt.Camkes.Adl.Checking;

/// <summary>
/// Names that CAmkES refuses because its generated C would declare them (ADL0028): methods,
/// parameters, attributes and settings named like a C keyword. Here they would be escaped in C#,
/// but a spec must stay one that CAmkES accepts.
/// </summary>
internal static class CKeywordRule
{
    // C11 keywords and the GNU/Clang spellings CAmkES lists (camkes/ast/ckeywords.py).
    private static readonly HashSet<string> Keywords = new(System.StringComparer.Ordinal)
    {
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum",
        "extern", "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return",
        "short", "signed", "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void",
        "volatile", "while", "_Alignas", "_Alignof", "_Atomic", "_Bool", "_Complex", "_Generic", "_Imaginary",
        "_Noreturn", "_Static_assert", "_Thread_local", "__func__", "__objc_yes", "__objc_no", "asm", "wchar_t",
        "_Decimal32", "_Decimal64", "_Decimal128", "__alignof", "__attribute", "__builtin_choose_expr",
        "__builtin_offsetof", "__builtin_types_compatible_p", "__builtin_va_arg", "__extension__", "__imag",
        "__int128", "__label__", "__real", "__thread", "__FUNCTION__", "__PRETTY_FUNCTION__", "typeof",
        "__private_extern__", "__module_private__", "__declspec", "__cdecl", "__stdcall", "__fastcall",
        "__thiscall", "__vectorcall", "__pascal", "__fp16", "__alignof__", "__asm", "__asm__", "__attribute__",
        "__complex", "__complex__", "__const", "__const__", "__imag__", "__inline", "__inline__", "__real__",
        "__restrict", "__restrict__", "__signed", "__signed__", "__typeof", "__typeof__", "__volatile",
        "__volatile__", "__builtin_convertvector", "__unknown_anytype",
    };

    public static void Check(SystemModel model, DiagnosticBag diagnostics)
    {
        foreach (var method in model.Procedures.SelectMany(p => p.Methods))
        {
            Report(diagnostics, $"method name '{method.Name}'", method.Name, method.Location);
            foreach (var parameter in method.Parameters)
            {
                Report(diagnostics, $"parameter name '{parameter.Name}' (method '{method.Name}')", parameter.Name, method.Location);
            }
        }

        foreach (var component in model.Components)
        {
            foreach (var attribute in component.Attributes)
            {
                Report(diagnostics, $"attribute name '{attribute.Name}' (component '{component.Name}')", attribute.Name, component.Location);
            }
        }

        foreach (var setting in model.Settings)
        {
            Report(diagnostics, $"setting name '{setting.Attribute}'", setting.Attribute, setting.Location);
        }
    }

    private static void Report(DiagnosticBag diagnostics, string what, string name, Text.SourceLocation location)
    {
        if (Keywords.Contains(name))
        {
            diagnostics.Report(DiagnosticDescriptors.CKeywordName, location, what, name);
        }
    }
}
