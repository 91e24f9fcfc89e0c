using Microsoft.CodeAnalysis.Operations;
using UxRt.Camkes.Analyzers.Symbols;

namespace UxRt.Camkes.Analyzers.Rules;

/// <summary>
/// Printing to the console is allowed: <c>Console.Write…</c> and writes to <c>Console.Out</c> or
/// <c>Console.Error</c> are how components log, and no rule reports them.
/// </summary>
internal static class ConsolePrinting
{
    public static bool IsConsolePrinting(IInvocationOperation call, KnownTypes known)
    {
        var method = call.TargetMethod;
        if (method.IsStatic)
        {
            return method.ContainingType.Is(known.Console) && method.Name.StartsWith("Write", System.StringComparison.Ordinal);
        }

        return call.Instance is IPropertyReferenceOperation { Property: { IsStatic: true, Name: "Out" or "Error" } property }
            && property.ContainingType.Is(known.Console);
    }
}
