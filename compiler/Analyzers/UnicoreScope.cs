using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using UxRt.Camkes.Analyzers.Symbols;

namespace UxRt.Camkes.Analyzers;

/// <summary>
/// Decides whether code runs on a virtual CPU: code of a class that is, or derives from, a class
/// marked <c>[UnicoreComponent]</c>, of a class marked <c>[RunsOnVirtualCpu]</c>, or of a class
/// nested (at any depth) in one of those. The attributes are matched by their full names rather
/// than by symbol, so the rules apply whichever assembly (or test source) declares them.
/// </summary>
internal sealed class UnicoreScope
{
    public const string AttributeNamespace = "UxRt.Camkes.Runtime.Threading";
    public const string AttributeName = "UnicoreComponentAttribute";
    public const string HelperAttributeName = "RunsOnVirtualCpuAttribute";
    public const string AttributeMetadataName = AttributeNamespace + "." + AttributeName;

    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _runsOnCpu = new(SymbolEqualityComparer.Default);

    /// <summary>Whether the member (method, accessor, field initializer, lambda…) runs on a virtual CPU.</summary>
    public bool Contains(ISymbol? member) =>
        member?.ContainingType is { } type && _runsOnCpu.GetOrAdd(type, RunsOnVirtualCpu);

    // A nested class's code is called by (and shares the state of) the class around it, so it
    // runs where that class runs.
    private static bool RunsOnVirtualCpu(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (IsUnicoreComponent(current) || HasAttribute(current, HelperAttributeName))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUnicoreComponent(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (HasAttribute(current, AttributeName))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAttribute(INamedTypeSymbol type, string attributeName)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass is { ContainingType: null } attributeClass
                && attributeClass.Name == attributeName
                && attributeClass.NamespaceName() == AttributeNamespace)
            {
                return true;
            }
        }

        return false;
    }
}
