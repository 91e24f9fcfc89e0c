using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using UxRt.Camkes.Analyzers.Symbols;

namespace UxRt.Camkes.Analyzers.Rules;

/// <summary>
/// Tasks that are known to have finished where their result is read, so that <c>Result</c>,
/// <c>Wait()</c> or <c>GetResult()</c> return at once: <c>Task.FromResult</c>, <c>Task.CompletedTask</c>
/// and the like; a variable awaited earlier in the same method (directly or in <c>Task.WhenAll</c>);
/// and a variable read inside <c>if (t.IsCompleted…)</c>. A variable assigned again after the await
/// is not noticed: the rule trusts the await.
/// </summary>
internal sealed class CompletedTasks
{
    private readonly KnownTypes _known;

    public CompletedTasks(KnownTypes known) => _known = known;

    /// <summary>Whether <paramref name="task"/>, read at <paramref name="use"/>, has already completed.</summary>
    public bool IsKnownCompleted(IOperation? task, IOperation use)
    {
        task = task.WithoutConversions();
        if (task is null)
        {
            return false;
        }

        if (IsCompletedByConstruction(task))
        {
            return true;
        }

        return VariableOf(task) is { } variable
            && (WasAwaitedBefore(variable, use) || IsGuardedByIsCompleted(variable, use));
    }

    private bool IsCompletedByConstruction(IOperation task) => task switch
    {
        IInvocationOperation { TargetMethod: { IsStatic: true, Name: "FromResult" or "FromException" or "FromCanceled" } method }
            => _known.IsTaskLike(method.ContainingType),
        IPropertyReferenceOperation { Property: { IsStatic: true, Name: "CompletedTask" } property }
            => _known.IsTaskLike(property.ContainingType),
        _ => false,
    };

    private bool WasAwaitedBefore(ISymbol variable, IOperation use) =>
        Root(use).Descendants().OfType<IAwaitOperation>().Any(awaited =>
            awaited.Syntax.SpanStart < use.Syntax.SpanStart && AwaitsVariable(awaited.Operation, variable));

    // await t, await t.ConfigureAwait(…), await Task.WhenAll(…, t, …).
    private bool AwaitsVariable(IOperation awaited, ISymbol variable)
    {
        awaited = awaited.WithoutConversions()!;
        if (IsVariable(awaited, variable))
        {
            return true;
        }

        return awaited is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" or "WhenAll" } call
            && (IsVariable(call.Instance.WithoutConversions(), variable) || call.Arguments.Any(argument => ContainsVariable(argument.Value, variable)));
    }

    // Inside the true branch of if (t.IsCompleted), if (t.IsCompletedSuccessfully)….
    private static bool IsGuardedByIsCompleted(ISymbol variable, IOperation use)
    {
        for (var current = use; current.Parent is { } parent; current = parent)
        {
            if (parent is IConditionalOperation conditional && conditional.WhenTrue == current
                && AssertsCompleted(conditional.Condition, variable))
            {
                return true;
            }
        }

        return false;
    }

    // t.IsCompleted, alone or as one operand of &&; not under a !, an || or a comparison.
    private static bool AssertsCompleted(IOperation condition, ISymbol variable) => condition.WithoutConversions() switch
    {
        IPropertyReferenceOperation { Property.Name: "IsCompleted" or "IsCompletedSuccessfully" } check
            => IsVariable(check.Instance.WithoutConversions(), variable),
        IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both
            => AssertsCompleted(both.LeftOperand, variable) || AssertsCompleted(both.RightOperand, variable),
        _ => false,
    };

    private static bool ContainsVariable(IOperation operation, ISymbol variable) =>
        operation.DescendantsAndSelf().Any(candidate => IsVariable(candidate, variable));

    private static bool IsVariable(IOperation? operation, ISymbol variable) =>
        VariableOf(operation) is { } symbol && SymbolEqualityComparer.Default.Equals(symbol, variable);

    private static ISymbol? VariableOf(IOperation? operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
        _ => null,
    };

    // The whole body the use is in (the method's, around any lambda), where earlier awaits live.
    private static IOperation Root(IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            operation = parent;
        }

        return operation;
    }
}
