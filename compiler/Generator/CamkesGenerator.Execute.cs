using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using UxRt.Camkes.Adl;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Text;
using UxRt.Camkes.Compiler.Emit;

namespace UxRt.Camkes.Compiler.Generator;

/// <summary>The work of the generator: run the pipeline for one system and hand its results to Roslyn.</summary>
public sealed partial class CamkesGenerator
{
    internal static SystemOutput GenerateSystem(SystemInput system, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (system.RootPath == system.Settings.NamedRoot && !system.Files.Any(f => f.Path == system.RootPath))
        {
            var notFound = AdlDiagnostic.Create(DiagnosticDescriptors.RootNotFound, SourceLocation.StartOf(system.RootPath), system.RootPath);
            return new SystemOutput(system.RootPath, EquatableArray<GeneratedFileEntry>.Empty, new[] { notFound }.ToEquatableArray());
        }

        var frontEnd = AdlFrontEnd.Compile(system.RootPath, new AdditionalTextSourceProvider(system.Files), system.Settings.FrontEnd);
        if (frontEnd.Model is null && frontEnd.PartialModel is null)
        {
            return new SystemOutput(system.RootPath, EquatableArray<GeneratedFileEntry>.Empty, frontEnd.Diagnostics);
        }

        try
        {
            var emitted = frontEnd.Model is { } model
                ? SystemEmitter.Emit(model, system.Settings.Namespace, system.Settings.Templates, remoteNodes: system.Settings.RemoteNodes, connectors: system.Settings.FrontEnd.Connectors)
                : SystemEmitter.EmitUntouched(frontEnd.PartialModel!, system.Settings.Namespace, system.Settings.Templates, frontEnd.Diagnostics, system.Settings.FrontEnd.Connectors);
            var separateProcesses = frontEnd.Model is { } placed && NodesWithoutRemote.Check(placed, system.Settings.RemoteNodes) is { } advice
                ? new[] { advice }
                : System.Array.Empty<AdlDiagnostic>();
            var diagnostics = frontEnd.Diagnostics.Concat(emitted.Diagnostics).Concat(separateProcesses).ToEquatableArray();

            // An error found while emitting touches the glue or the system class: keep only the untouched parts.
            if (frontEnd.Model is not null && emitted.Diagnostics.Any(d => d.IsError))
            {
                emitted = SystemEmitter.EmitUntouched(frontEnd.Model, system.Settings.Namespace, system.Settings.Templates, emitted.Diagnostics, system.Settings.FrontEnd.Connectors);
            }

            var files = emitted.Files.Select(f => f with { HintName = system.HintPrefix + f.HintName }).ToEquatableArray();
            var userTypes = frontEnd.Model is { } typed ? UserTypes.Collect(typed, system.Files) : EquatableArray<UserTypeUse>.Empty;
            return new SystemOutput(system.RootPath, files, diagnostics)
            {
                UserTypes = new UserTypeUses(system.Settings.Namespace, system.HintPrefix, userTypes),
            };
        }
        catch (System.Exception exception)
        {
            // The generator never throws: an emitter bug becomes a diagnostic on the spec.
            var failure = AdlDiagnostic.Create(
                DiagnosticDescriptors.InternalError,
                SourceLocation.StartOf(system.RootPath),
                exception.GetType().Name + ": " + exception.Message);
            return new SystemOutput(system.RootPath, EquatableArray<GeneratedFileEntry>.Empty, frontEnd.Diagnostics.Concat(new[] { failure }).ToEquatableArray());
        }
    }

    private static void Publish(SourceProductionContext production, UserTypeReport report)
    {
        Publish(production, report.Diagnostics);
        if (report.StandIns.Length > 0)
        {
            production.AddSource(report.HintName, SourceText.From(report.StandIns, System.Text.Encoding.UTF8));
        }
    }

    private static void Publish(SourceProductionContext production, GeneratedFileEntry file) =>
        production.AddSource(file.HintName, SourceText.From(file.Text, System.Text.Encoding.UTF8));

    private static void Publish(SourceProductionContext production, EquatableArray<AdlDiagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            production.ReportDiagnostic(RoslynDiagnostics.From(diagnostic));
        }
    }
}
