using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using UxRt.Camkes.Analyzers.FixHints;
using UxRt.Camkes.Analyzers.Symbols;

namespace UxRt.Camkes.Analyzers.Rules;

/// <summary>
/// UXRT1002: waiting synchronously for a task (<c>Wait</c>, <c>WaitAll</c>, <c>WaitAny</c>,
/// <c>Result</c>, <c>GetAwaiter().GetResult()</c>). The task may need this very CPU to finish, so
/// the wait can also deadlock; <c>await</c> gives the CPU up instead. Not reported for a task
/// already finished there (see <see cref="CompletedTasks"/>).
/// </summary>
internal sealed class TaskBlockingRule : IInvocationRule
{
    private const string AwaitTheTask = "'await task'";

    private readonly KnownTypes _known;
    private readonly CompletedTasks _completed;

    public TaskBlockingRule(KnownTypes known)
    {
        _known = known;
        _completed = new CompletedTasks(known);
    }

    public Diagnostic? Inspect(IInvocationOperation call)
    {
        var method = call.TargetMethod;
        if (_completed.IsKnownCompleted(WaitedTask(call), call))
        {
            return null;
        }

        if (method.ContainingType.Is(_known.Task))
        {
            return method.Name switch
            {
                "Wait" when !method.IsStatic => Report(
                    call.Syntax, "Task.Wait", AwaitTheTask,
                    CallShape.IsParameterlessMemberCall(call.Syntax) ? FixHint.Of(FixKind.AwaitTask) : FixHint.None),
                "WaitAll" when method.IsStatic => Report(
                    call.Syntax, "Task.WaitAll", "'await Task.WhenAll(...)'",
                    WaitsForTasksOnly(call) && CallShape.IsRenamableCall(call.Syntax) ? FixHint.AwaitAsyncTwin("WhenAll") : FixHint.None),
                "WaitAny" when method.IsStatic => Report(call.Syntax, "Task.WaitAny", "'await Task.WhenAny(...)'", FixHint.None),
                _ => null,
            };
        }

        if (method.Name == "GetResult" && _known.IsTaskAwaiter(method.ContainingType))
        {
            return Report(
                call.Syntax, "GetAwaiter().GetResult()", AwaitTheTask,
                CallShape.IsGetAwaiterGetResult(call.Syntax) ? FixHint.Of(FixKind.AwaitTask) : FixHint.None);
        }

        return null;
    }

    /// <summary><c>Result</c> of a <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c>.</summary>
    public Diagnostic? InspectPropertyReference(IPropertyReferenceOperation reference)
    {
        var property = reference.Property;
        if (property.Name != "Result" || property.IsStatic
            || !(property.ContainingType.Is(_known.TaskOfT) || property.ContainingType.Is(_known.ValueTaskOfT))
            || _completed.IsKnownCompleted(reference.Instance, reference))
        {
            return null;
        }

        return Report(
            reference.Syntax, property.ContainingType.Name + ".Result", AwaitTheTask,
            CallShape.IsMemberAccess(reference.Syntax) ? FixHint.Of(FixKind.AwaitTask) : FixHint.None);
    }

    // The task t.Wait() or t.GetAwaiter().GetResult() waits for.
    private IOperation? WaitedTask(IInvocationOperation call) =>
        call.TargetMethod.Name == "GetResult" && call.Instance is IInvocationOperation { TargetMethod.Name: "GetAwaiter" } getAwaiter
            ? getAwaiter.Instance
            : call.Instance;

    // WaitAll given only tasks means what await Task.WhenAll(tasks) means; with a timeout or a
    // token it does not (it returns early, or returns a bool).
    private bool WaitsForTasksOnly(IInvocationOperation call) =>
        call.TargetMethod.Parameters.Length >= 1
        && IsCollectionOfTasks(call.TargetMethod.Parameters[0].Type)
        && call.Arguments.All(argument => argument.Parameter?.Ordinal == 0 || argument.ArgumentKind == ArgumentKind.DefaultValue);

    // Task[], ReadOnlySpan<Task> or IEnumerable<Task>: each has a WhenAll overload.
    private bool IsCollectionOfTasks(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => array.ElementType.Is(_known.Task),
        INamedTypeSymbol { TypeArguments.Length: 1 } generic => generic.TypeArguments[0].Is(_known.Task),
        _ => false,
    };

    private static Diagnostic Report(SyntaxNode node, string what, string instead, ImmutableDictionary<string, string?> fix) =>
        Diagnostic.Create(UnicoreDiagnosticDescriptors.BlockingOnTask, node.GetLocation(), fix, what, instead);
}
