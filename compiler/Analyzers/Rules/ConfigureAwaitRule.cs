using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using UxRt.Camkes.Analyzers.FixHints;
using UxRt.Camkes.Analyzers.Symbols;

namespace UxRt.Camkes.Analyzers.Rules;

/// <summary>
/// UXRT1007: <c>ConfigureAwait(false)</c> on a task, value task or async stream. The code after the
/// await would resume on a thread-pool thread, off the virtual CPU, and race the component's other
/// threads. The fix removes the call when it is awaited directly.
/// </summary>
internal sealed class ConfigureAwaitRule : IInvocationRule
{
    private readonly KnownTypes _known;

    public ConfigureAwaitRule(KnownTypes known) => _known = known;

    public Diagnostic? Inspect(IInvocationOperation call)
    {
        var method = call.TargetMethod;
        if (method.Name != "ConfigureAwait"
            || !(_known.IsTaskLike(method.ContainingType) || method.ContainingType.Is(_known.TaskAsyncEnumerableExtensions))
            || !PassesFalse(call))
        {
            return null;
        }

        var fix = IsAwaitedDirectly(call) && CallShape.IsMemberCall(call.Syntax)
            ? FixHint.Of(FixKind.RemoveConfigureAwait)
            : FixHint.None;
        return Diagnostic.Create(
            UnicoreDiagnosticDescriptors.ConfigureAwaitFalse, call.Syntax.GetLocation(), fix,
            "ConfigureAwait(false)", "a plain 'await'");
    }

    private static bool PassesFalse(IInvocationOperation call) =>
        call.Arguments.Any(argument =>
            argument.Parameter?.Type.SpecialType == SpecialType.System_Boolean
            && argument.Value.ConstantValue is { HasValue: true, Value: false });

    // `await x.ConfigureAwait(false)` or `await foreach (… in x.ConfigureAwait(false))`: removing the
    // call leaves an await of x, which compiles to the same thing on the CPU.
    private static bool IsAwaitedDirectly(IInvocationOperation call)
    {
        var parent = call.Parent;
        while (parent is IConversionOperation { IsImplicit: true })
        {
            parent = parent.Parent;
        }

        return parent is IAwaitOperation or IForEachLoopOperation { IsAsynchronous: true };
    }
}
