using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using UxRt.Camkes.Analyzers.Rules;
using UxRt.Camkes.Analyzers.Symbols;

namespace UxRt.Camkes.Analyzers;

/// <summary>
/// Reports code that would block the virtual CPU of a unicore component: the one OS thread that
/// runs all of the component's lightweight threads. Only code in classes deriving from a
/// <c>[UnicoreComponent]</c> base is checked, lambdas, local functions and accessors included.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnicoreBlockingAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => UnicoreDiagnosticDescriptors.All;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext start)
    {
        // Without the attribute no class can be a unicore component: nothing to check.
        if (start.Compilation.GetTypesByMetadataName(UnicoreScope.AttributeMetadataName).IsEmpty)
        {
            return;
        }

        var known = new KnownTypes(start.Compilation);
        var twins = new AsyncTwins(known);
        var scope = new UnicoreScope();
        var taskBlocking = new TaskBlockingRule(known);
        var threadLock = new ThreadLockRule(known);
        var leavingTheCpu = new LeavingTheCpuRule(known);
        var callbackOffCpu = new CallbackOffCpuRule(known);

        // The first rule that reports a call wins; the generic twin rule comes last so that a call a
        // specific rule knows better (SemaphoreSlim.Wait, Stream.Read…) is reported once, by it.
        var invocationRules = ImmutableArray.Create<IInvocationRule>(
            new ThreadSleepRule(known),
            taskBlocking,
            threadLock,
            new BlockingWaitRule(known, twins),
            new SynchronousIoRule(known, twins),
            new ConfigureAwaitRule(known),
            leavingTheCpu,
            callbackOffCpu,
            new AsyncTwinRule(known, twins));

        start.RegisterOperationAction(
            context =>
            {
                if (scope.Contains(context.ContainingSymbol) && context.Operation is IInvocationOperation call
                    && !ConsolePrinting.IsConsolePrinting(call, known) && !InMemoryIo.IsInMemoryIo(call, known))
                {
                    ReportFirst(context, invocationRules, call);
                }
            },
            OperationKind.Invocation);

        start.RegisterOperationAction(
            context =>
            {
                if (scope.Contains(context.ContainingSymbol) && context.Operation is IPropertyReferenceOperation reference
                    && !IsInsideNameof(reference))
                {
                    Report(context, taskBlocking.InspectPropertyReference(reference));
                }
            },
            OperationKind.PropertyReference);

        start.RegisterOperationAction(
            context =>
            {
                if (scope.Contains(context.ContainingSymbol) && context.Operation is IObjectCreationOperation creation)
                {
                    Report(context, leavingTheCpu.InspectObjectCreation(creation) ?? callbackOffCpu.InspectObjectCreation(creation));
                }
            },
            OperationKind.ObjectCreation);

        start.RegisterOperationAction(
            context =>
            {
                if (scope.Contains(context.ContainingSymbol) && context.Operation is ILockOperation statement)
                {
                    Report(context, threadLock.InspectLockStatement(statement));
                }
            },
            OperationKind.Lock);
    }

    private static void ReportFirst(OperationAnalysisContext context, ImmutableArray<IInvocationRule> rules, IInvocationOperation call)
    {
        foreach (var rule in rules)
        {
            if (rule.Inspect(call) is { } diagnostic)
            {
                context.ReportDiagnostic(diagnostic);
                return;
            }
        }
    }

    private static void Report(OperationAnalysisContext context, Diagnostic? diagnostic)
    {
        if (diagnostic is not null)
        {
            context.ReportDiagnostic(diagnostic);
        }
    }

    // nameof(task.Result) names the property without reading it.
    private static bool IsInsideNameof(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is INameOfOperation)
            {
                return true;
            }
        }

        return false;
    }
}
