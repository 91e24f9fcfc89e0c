using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace UxRt.Camkes.Analyzers.Symbols;

internal static class OperationExtensions
{
    /// <summary>The value under any conversions (a lambda converted to a delegate, a task to its interface, …); null stays null.</summary>
    public static IOperation? WithoutConversions(this IOperation? operation) =>
        operation is IConversionOperation conversion ? conversion.Operand.WithoutConversions() : operation;
}
