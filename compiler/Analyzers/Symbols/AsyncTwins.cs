using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace UxRt.Camkes.Analyzers.Symbols;

/// <summary>
/// Finds the awaitable twin <c>MAsync</c> of a synchronous method <c>M</c>, as the calling code
/// would see it: on the receiver's type, its bases and interfaces, accessible from the call site.
/// </summary>
internal sealed class AsyncTwins
{
    public const string Suffix = "Async";

    private readonly KnownTypes _known;

    public AsyncTwins(KnownTypes known) => _known = known;

    /// <summary>Every method named <c>M</c>+Async that the call's receiver offers (static or instance like M).</summary>
    public ImmutableArray<IMethodSymbol> Named(IInvocationOperation call, string asyncName)
    {
        var method = call.TargetMethod;
        var receiverType = call.Instance?.Type ?? method.ContainingType;
        if (receiverType is null || call.SemanticModel is not { } model)
        {
            return ImmutableArray<IMethodSymbol>.Empty;
        }

        return model.LookupSymbols(call.Syntax.SpanStart, receiverType, asyncName)
            .OfType<IMethodSymbol>()
            .Where(twin => twin.IsStatic == method.IsStatic)
            .ToImmutableArray();
    }

    /// <summary>
    /// The twin that can replace the call as <c>await receiver.MAsync(same arguments)</c> with the
    /// same result: same leading parameters (names, types, no ref/out), any further ones optional,
    /// and awaiting it gives what M returns. Null when there is none.
    /// </summary>
    public IMethodSymbol? DropIn(IInvocationOperation call, ImmutableArray<IMethodSymbol> twins)
    {
        var method = call.TargetMethod;
        if (method.IsGenericMethod || method.Parameters.Any(p => p.RefKind != RefKind.None))
        {
            return null;
        }

        return twins.FirstOrDefault(twin => AcceptsSameArguments(method, twin) && AwaitsTo(twin, method.ReturnType));
    }

    private static bool AcceptsSameArguments(IMethodSymbol method, IMethodSymbol twin)
    {
        if (twin.IsGenericMethod || twin.Parameters.Length < method.Parameters.Length)
        {
            return false;
        }

        for (var i = 0; i < twin.Parameters.Length; i++)
        {
            var candidate = twin.Parameters[i];
            if (i >= method.Parameters.Length)
            {
                if (!candidate.IsOptional && !candidate.IsParams)
                {
                    return false;
                }

                continue;
            }

            var original = method.Parameters[i];
            if (candidate.RefKind != RefKind.None
                || candidate.Name != original.Name
                || candidate.IsParams != original.IsParams
                || !SymbolEqualityComparer.Default.Equals(candidate.Type, original.Type))
            {
                return false;
            }
        }

        return true;
    }

    // A void M can become any awaited twin (the result is dropped); otherwise the awaited value must match.
    private bool AwaitsTo(IMethodSymbol twin, ITypeSymbol result) =>
        _known.IsTaskLike(twin.ReturnType)
        && (result.SpecialType == SpecialType.System_Void
            || SymbolEqualityComparer.Default.Equals(_known.AwaitedType(twin.ReturnType), result));
}
