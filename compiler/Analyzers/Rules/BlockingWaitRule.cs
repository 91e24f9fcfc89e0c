using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using UxRt.Camkes.Analyzers.FixHints;
using UxRt.Camkes.Analyzers.Symbols;

namespace UxRt.Camkes.Analyzers.Rules;

/// <summary>
/// UXRT1004: waits on primitives that block an OS thread (<c>SemaphoreSlim.Wait</c>, wait handles,
/// <c>ManualResetEventSlim</c>, <c>CountdownEvent</c>, <c>Barrier</c>, <c>Thread.Join</c>,
/// <c>SpinWait.SpinUntil</c>, <c>BlockingCollection.Take</c>). Only
/// <c>SemaphoreSlim</c> has an awaitable twin to fix to.
/// </summary>
internal sealed class BlockingWaitRule : IInvocationRule
{
    private const string AwaitableWait = "an awaitable wait (for example a notification or semaphore of the component with 'await WaitAsync()')";

    private readonly KnownTypes _known;
    private readonly AsyncTwins _twins;

    public BlockingWaitRule(KnownTypes known, AsyncTwins twins)
    {
        _known = known;
        _twins = twins;
    }

    public Diagnostic? Inspect(IInvocationOperation call)
    {
        var method = call.TargetMethod;
        var type = method.ContainingType;

        if (method.Name == "Wait" && type.Is(_known.SemaphoreSlim))
        {
            var twin = TwinSuggestion.For(call, _twins, "'await SemaphoreSlim.WaitAsync(...)'");
            return Report(call, "SemaphoreSlim.Wait", twin.Instead, twin.Fix);
        }

        var blocks = (type.IsOrDerivesFrom(_known.WaitHandle) && method.Name is "WaitOne" or "WaitAll" or "WaitAny")
            || (method.Name == "Wait" && (type.Is(_known.ManualResetEventSlim) || type.Is(_known.CountdownEvent)))
            || (method.Name == "SignalAndWait" && type.Is(_known.Barrier))
            || (method.Name == "SpinUntil" && type.Is(_known.SpinWait))
            || (type.Is(_known.BlockingCollection) && IsBlockingCollectionWait(method));
        if (blocks)
        {
            return Report(call, method.TypeAndName(), AwaitableWait, FixHint.None);
        }

        if (method.Name == "Join" && type.Is(_known.Thread))
        {
            return Report(call, "Thread.Join", "'await' on a task that completes with the work", FixHint.None);
        }

        return null;
    }

    // Take waits for an item, TryTake with a timeout waits up to it, and the consuming enumerable
    // waits between items; TryTake(out item) alone only polls.
    private static bool IsBlockingCollectionWait(IMethodSymbol method) => method.Name switch
    {
        "Take" or "TakeFromAny" or "GetConsumingEnumerable" => true,
        "TryTake" or "TryTakeFromAny" => method.Parameters.Length > (method.IsStatic ? 2 : 1),
        _ => false,
    };

    private static Diagnostic Report(IInvocationOperation call, string what, string instead, ImmutableDictionary<string, string?> fix) =>
        Diagnostic.Create(UnicoreDiagnosticDescriptors.BlockingWait, call.Syntax.GetLocation(), fix, what, instead);
}
