using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using UxRt.Camkes.Analyzers.FixHints;
using UxRt.Camkes.Analyzers.Symbols;

namespace UxRt.Camkes.Analyzers.Rules;

/// <summary>UXRT1001: <c>Thread.Sleep</c>; <c>await Task.Delay</c> waits without holding the CPU.</summary>
internal sealed class ThreadSleepRule : IInvocationRule
{
    private readonly KnownTypes _known;

    public ThreadSleepRule(KnownTypes known) => _known = known;

    public Diagnostic? Inspect(IInvocationOperation call)
    {
        var method = call.TargetMethod;
        if (method.Name != "Sleep" || !method.ContainingType.Is(_known.Thread))
        {
            return null;
        }

        return Diagnostic.Create(
            UnicoreDiagnosticDescriptors.ThreadSleep,
            call.Syntax.GetLocation(),
            FixHint.Of(FixKind.AwaitDelay),
            "Thread.Sleep",
            "'await Task.Delay(...)'");
    }
}
