using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using UxRt.Camkes.Analyzers.FixHints;
using UxRt.Camkes.Analyzers.Symbols;

namespace UxRt.Camkes.Analyzers.Rules;

/// <summary>
/// UXRT1008: starting work on another OS thread (<c>Task.Run</c>, <c>new Thread</c>, the thread
/// pool, <c>StartNew</c> and <c>ContinueWith</c> without the CPU's scheduler). That code would touch the component's
/// state off the virtual CPU, racing its lightweight threads. No fix: StartThread or await instead.
/// </summary>
internal sealed class LeavingTheCpuRule : IInvocationRule
{
    private readonly KnownTypes _known;

    public LeavingTheCpuRule(KnownTypes known) => _known = known;

    public Diagnostic? Inspect(IInvocationOperation call)
    {
        var method = call.TargetMethod;
        var type = method.ContainingType;
        var leaves = (method.Name == "Run" && method.IsStatic && type.Is(_known.Task))
            || (method.Name is "QueueUserWorkItem" or "UnsafeQueueUserWorkItem" && type.Is(_known.ThreadPool))
            || (method.Name == "StartNew" && (type.Is(_known.TaskFactory) || type.Is(_known.TaskFactoryOfT)) && !PassesCpuScheduler(call))
            || (method.Name == "ContinueWith" && (type.Is(_known.Task) || type.Is(_known.TaskOfT)) && !PassesCpuScheduler(call));

        return leaves ? Report(call.Syntax.GetLocation(), method.TypeAndName()) : null;
    }

    public Diagnostic? InspectObjectCreation(IObjectCreationOperation creation) =>
        creation.Type.Is(_known.Thread) ? Report(creation.Syntax.GetLocation(), "new Thread") : null;

    // Without an explicit scheduler StartNew and ContinueWith use TaskScheduler.Current, which is
    // the CPU's only inside a task the CPU's scheduler runs: after the first await (a continuation
    // posted to the synchronization context) it is the thread pool. TaskScheduler.Default and
    // TaskScheduler.Current say the same; any other scheduler (FromCurrentSynchronizationContext…)
    // is taken to be the CPU's.
    private bool PassesCpuScheduler(IInvocationOperation call) =>
        call.Arguments.Any(argument =>
            argument.ArgumentKind == ArgumentKind.Explicit
            && argument.Parameter?.Type.Is(_known.TaskScheduler) == true
            && !(argument.Value.WithoutConversions() is IPropertyReferenceOperation { Property: { Name: "Default" or "Current", IsStatic: true } property }
                && property.ContainingType.Is(_known.TaskScheduler)));

    private static Diagnostic Report(Location location, string what) =>
        Diagnostic.Create(UnicoreDiagnosticDescriptors.LeavingTheCpu, location, FixHint.None, what);
}
