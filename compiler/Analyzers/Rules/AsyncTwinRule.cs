using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using UxRt.Camkes.Analyzers.Symbols;

namespace UxRt.Camkes.Analyzers.Rules;

/// <summary>
/// UXRT1005: a synchronous call <c>M</c> whose receiver also offers <c>MAsync</c>: the runtime's
/// kernel objects (<c>Notification.Wait</c>/<c>WaitAsync</c>, <c>ComponentMutex.Lock</c>/<c>LockAsync</c>,
/// <c>Endpoint.Call</c>/<c>CallAsync</c>…) and the generated RPC ends. Checked by the twin's
/// existence rather than by a list, so new kernel objects and procedures are covered as they come.
/// Runs after the specific rules, which claim their calls first.
/// </summary>
internal sealed class AsyncTwinRule : IInvocationRule
{
    private readonly KnownTypes _known;
    private readonly AsyncTwins _twins;

    public AsyncTwinRule(KnownTypes known, AsyncTwins twins)
    {
        _known = known;
        _twins = twins;
    }

    public Diagnostic? Inspect(IInvocationOperation call)
    {
        var method = call.TargetMethod;
        if (method.IsExtensionMethod || _known.IsTaskLike(method.ReturnType) || HasHarmlessTwin(method))
        {
            return null;
        }

        var twin = TwinSuggestion.For(call, _twins, fallback: "");
        return twin.HasTwin
            ? Diagnostic.Create(UnicoreDiagnosticDescriptors.SynchronousTwin, call.Syntax.GetLocation(), twin.Fix, method.TypeAndName(), twin.Instead)
            : null;
    }

    // Pairs where the synchronous member is the right one on a virtual CPU: Dispose does what a
    // using statement does, CancellationTokenSource.CancelAsync would run the cancellation
    // callbacks on the thread pool, off the CPU, and Task.Wait is UXRT1002's (which stays silent
    // on a task that has already finished; Task.WaitAsync is a timeout wrapper, not a twin).
    private bool HasHarmlessTwin(IMethodSymbol method) =>
        method.Name == "Dispose"
        || (method.Name == "Cancel" && method.ContainingType.Is(_known.CancellationTokenSource))
        || (method.Name == "Wait" && method.ContainingType.Is(_known.Task));
}
