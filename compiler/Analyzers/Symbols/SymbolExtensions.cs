using Microsoft.CodeAnalysis;

namespace UxRt.Camkes.Analyzers.Symbols;

internal static class SymbolExtensions
{
    /// <summary>Whether <paramref name="symbol"/> is <paramref name="known"/>; false when that type is unknown.</summary>
    public static bool Is(this ITypeSymbol? symbol, INamedTypeSymbol? known) =>
        symbol is not null && known is not null && SymbolEqualityComparer.Default.Equals(symbol.OriginalDefinition, known);

    /// <summary>Whether <paramref name="type"/> is <paramref name="baseType"/> or derives from it.</summary>
    public static bool IsOrDerivesFrom(this ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Is(baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Type.Member", the way a diagnostic names what was called.</summary>
    public static string TypeAndName(this ISymbol member) =>
        member.ContainingType is null ? member.Name : member.ContainingType.Name + "." + member.Name;

    /// <summary>The namespace a symbol lives in, dotted ("" for the global namespace).</summary>
    public static string NamespaceName(this ISymbol symbol) =>
        symbol.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : "";
}
