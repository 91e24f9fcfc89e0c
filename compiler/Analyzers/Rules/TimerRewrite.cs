using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using UxRt.Camkes.Analyzers.Symbols;

namespace UxRt.Camkes.Analyzers.Rules;

/// <summary>
/// When <c>new System.Threading.Timer(callback, state, dueTime, period)</c> can become the
/// component's <c>StartTimer(period, () =&gt; callback(state))</c> without changing what the code
/// means: the first tick comes one period in (dueTime is period), the callback is a method group or
/// a lambda that ignores its state, the class inherits <c>StartTimer(TimeSpan, Action)</c>, and the
/// new timer is not used as a <c>Timer</c> afterwards (only dropped or kept as an
/// <c>IDisposable</c>), since StartTimer returns an <c>IDisposable</c>.
/// </summary>
internal static class TimerRewrite
{
    public static bool Applies(IObjectCreationOperation creation, KnownTypes known) =>
        creation.Type.Is(known.ThreadingTimer)
        && creation.Arguments.Length == 4
        && creation.Arguments[3].Value.Type?.Name == "TimeSpan"
        && creation.Arguments[2].Syntax.IsEquivalentTo(creation.Arguments[3].Syntax, topLevel: false)
        && IsRewritableCallback(creation.Arguments[0].Value)
        && IsKeptOnlyAsDisposable(creation)
        && InheritsStartTimer(creation);

    private static bool IsRewritableCallback(IOperation callback) =>
        callback.WithoutConversions() is IDelegateCreationOperation { Target: var target }
        && target switch
        {
            IMethodReferenceOperation => true,
            IAnonymousFunctionOperation lambda => lambda.Symbol.Parameters.Length == 1 && !UsesParameter(lambda),
            _ => false,
        };

    private static bool UsesParameter(IAnonymousFunctionOperation lambda) =>
        lambda.Body.Descendants().OfType<IParameterReferenceOperation>()
            .Any(reference => SymbolEqualityComparer.Default.Equals(reference.Parameter, lambda.Symbol.Parameters[0]));

    private static bool IsKeptOnlyAsDisposable(IObjectCreationOperation creation) => creation.Parent switch
    {
        IExpressionStatementOperation => true,
        IConversionOperation { Type.Name: "IDisposable", Type.ContainingNamespace.Name: "System" } => true,
        _ => false,
    };

    private static bool InheritsStartTimer(IOperation creation)
    {
        var type = (creation.SemanticModel?.GetEnclosingSymbol(creation.Syntax.SpanStart))?.ContainingType;
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.GetMembers("StartTimer").OfType<IMethodSymbol>().Any(IsStartTimer))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsStartTimer(IMethodSymbol method) =>
        !method.IsStatic
        && method.DeclaredAccessibility is Accessibility.Protected or Accessibility.Public or Accessibility.ProtectedOrInternal
        && method.Parameters.Length == 2
        && method.Parameters[0].Type.Name == "TimeSpan"
        && method.Parameters[1].Type is INamedTypeSymbol { Name: "Action", TypeArguments.Length: 0 };
}
