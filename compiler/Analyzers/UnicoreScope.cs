using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using UxRt.Camkes.Analyzers.Symbols;

namespace UxRt.Camkes.Analyzers;

/// <summary>
/// Decides whether code belongs to a unicore component: a class that is, or derives from, a class
/// marked <c>[UnicoreComponent]</c>. The attribute is matched by its full name rather than by
/// symbol, so the rules apply whichever assembly (or test source) declares it.
/// </summary>
internal sealed class UnicoreScope
{
    public const string AttributeNamespace = "UxRt.Camkes.Runtime.Threading";
    public const string AttributeName = "UnicoreComponentAttribute";
    public const string AttributeMetadataName = AttributeNamespace + "." + AttributeName;

    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _isUnicore = new(SymbolEqualityComparer.Default);

    /// <summary>Whether the member (method, accessor, field initializer, lambda…) runs on a virtual CPU.</summary>
    public bool Contains(ISymbol? member) =>
        member?.ContainingType is { } type && _isUnicore.GetOrAdd(type, IsUnicoreComponent);

    private static bool IsUnicoreComponent(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (IsUnicoreAttribute(attribute.AttributeClass))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsUnicoreAttribute(INamedTypeSymbol? attribute) =>
        attribute is not null
        && attribute.Name == AttributeName
        && attribute.ContainingType is null
        && attribute.NamespaceName() == AttributeNamespace;
}
