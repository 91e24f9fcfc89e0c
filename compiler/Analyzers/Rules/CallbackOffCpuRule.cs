using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using UxRt.Camkes.Analyzers.FixHints;
using UxRt.Camkes.Analyzers.Symbols;

namespace UxRt.Camkes.Analyzers.Rules;

/// <summary>
/// UXRT1009: a callback that .NET runs on a thread-pool thread: <c>System.Threading.Timer</c>,
/// <c>System.Timers.Timer</c> (without a <c>SynchronizingObject</c> they tick on the pool) and
/// <c>CancellationToken.Register</c> (the callback runs on whichever thread cancels, the system's
/// stop included). The callback would touch the component's state off its virtual CPU.
/// </summary>
internal sealed class CallbackOffCpuRule : IInvocationRule
{
    private const string UseStartTimer = "the component's StartTimer(period, tick), which ticks on the CPU, or 'await Task.Delay(period, TimeProvider)' in a lightweight thread";
    private const string UseSynchronizationContext = "Register(callback, useSynchronizationContext: true), which posts the callback to the CPU";

    private readonly KnownTypes _known;

    public CallbackOffCpuRule(KnownTypes known) => _known = known;

    public Diagnostic? Inspect(IInvocationOperation call)
    {
        var method = call.TargetMethod;
        var registers = method.Name is "Register" or "UnsafeRegister"
            && method.ContainingType.Is(_known.CancellationToken)
            && !PostsToSynchronizationContext(call);

        if (!registers)
        {
            return null;
        }

        var fix = HasContextOverload(method) ? FixHint.Of(FixKind.RegisterOnContext) : FixHint.None;
        return Report(call.Syntax.GetLocation(), method.TypeAndName(), UseSynchronizationContext, fix);
    }

    public Diagnostic? InspectObjectCreation(IObjectCreationOperation creation)
    {
        if (!creation.Type.Is(_known.ThreadingTimer) && !creation.Type.Is(_known.TimersTimer))
        {
            return null;
        }

        var fix = TimerRewrite.Applies(creation, _known) ? FixHint.Of(FixKind.StartTimer) : FixHint.None;
        return Report(creation.Syntax.GetLocation(), "new " + creation.Type!.ContainingNamespace.Name + "." + creation.Type.Name, UseStartTimer, fix);
    }

    // Register(Action) and Register(Action<object?>, object?) have twins taking useSynchronizationContext;
    // UnsafeRegister and the overloads whose callback also takes the token have none.
    private static bool HasContextOverload(IMethodSymbol method) =>
        method.Name == "Register"
        && method.Parameters.Length is 1 or 2
        && method.Parameters[0].Type is INamedTypeSymbol { Name: "Action" } callback
        && callback.TypeArguments.Length == method.Parameters.Length - 1;

    // Register(callback, useSynchronizationContext: true) captures the CPU's context and posts to it.
    private static bool PostsToSynchronizationContext(IInvocationOperation call) =>
        call.Arguments.Any(argument =>
            argument.Parameter?.Name == "useSynchronizationContext"
            && argument.Value.ConstantValue is { HasValue: true, Value: true });

    private static Diagnostic Report(Location location, string what, string instead, System.Collections.Immutable.ImmutableDictionary<string, string?> fix) =>
        Diagnostic.Create(UnicoreDiagnosticDescriptors.CallbackOffCpu, location, fix, what, instead);
}
