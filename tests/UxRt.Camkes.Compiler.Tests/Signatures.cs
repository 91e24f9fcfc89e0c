using Microsoft.CodeAnalysis;

namespace UxRt.Camkes.Compiler.Tests;

/// <summary>
/// Members of the generated code as the C# compiler sees them, so tests assert what a user can call
/// or must override rather than how the text is laid out.
/// </summary>
internal static class Signatures
{
    /// <summary>The type's methods named <paramref name="name"/>, as <c>accessibility [abstract] Return Name(ref-kind Type name, ...)</c>.</summary>
    public static string Of(Compilation compilation, string type, string name)
    {
        var symbol = compilation.GetTypeByMetadataName(type);
        Assert.True(symbol is not null, $"{type} is not declared");
        var method = Assert.Single(symbol!.GetMembers(name).OfType<IMethodSymbol>());
        return Of(method);
    }

    public static string Of(IMethodSymbol method)
    {
        var parameters = method.Parameters.Select(p => (p.RefKind switch
        {
            RefKind.Out => "out ",
            RefKind.Ref => "ref ",
            RefKind.In => "in ",
            _ => string.Empty,
        }) + p.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + " " + p.Name);
        var accessibility = method.ContainingType.TypeKind == TypeKind.Interface ? string.Empty : SyntaxFacts(method.DeclaredAccessibility) + " ";
        return $"{accessibility}{(method.IsAbstract && method.ContainingType.TypeKind != TypeKind.Interface ? "abstract " : string.Empty)}{method.ReturnType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)} {method.Name}({string.Join(", ", parameters)})";
    }

    private static string SyntaxFacts(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Public => "public",
        Accessibility.Protected => "protected",
        Accessibility.Internal => "internal",
        Accessibility.Private => "private",
        _ => accessibility.ToString().ToLowerInvariant(),
    };
}
