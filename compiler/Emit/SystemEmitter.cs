using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Model;

namespace UxRt.Camkes.Compiler.Emit;

/// <summary>The generated files of one system and any problems found while generating them.</summary>
public sealed record EmitResult(EquatableArray<GeneratedFileEntry> Files, EquatableArray<AdlDiagnostic> Diagnostics);

/// <summary>A generated file in value-equal form (for the incremental pipeline).</summary>
public sealed record GeneratedFileEntry(string HintName, string Text);

/// <summary>
/// Stage "Emit": renders every artefact of a system from its templates: an interface per
/// procedure, a base class per component, the glue of each connector end, and the bootstrap.
/// </summary>
public static class SystemEmitter
{
    /// <summary>Connectors whose glue exists; others are reported rather than silently skipped.</summary>
    private static readonly HashSet<string> SupportedConnectors = new(System.StringComparer.Ordinal) { "seL4RPCCall" };

    public static EmitResult Emit(SystemModel model, string @namespace) => Emit(model, @namespace, HandlebarsTemplateEngine.Instance);

    internal static EmitResult Emit(SystemModel model, string @namespace, ITemplateEngine templates)
    {
        var views = new ViewModelBuilder(model, @namespace);
        var files = new List<GeneratedFileEntry>();
        var diagnostics = new DiagnosticBag();

        foreach (var procedure in model.Procedures)
        {
            var view = views.Procedure(procedure);
            files.Add(new GeneratedFileEntry($"{view.InterfaceName}.g.cs", templates.Render("procedure.hbs", view)));
        }

        foreach (var component in model.Components.Where(c => model.Instances.Any(i => i.ComponentType == c.Name)))
        {
            var view = views.Component(component);
            files.Add(new GeneratedFileEntry($"{view.BaseName}.g.cs", templates.Render("component.hbs", view)));
        }

        var wiring = new List<string>();
        var rpcProcedures = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var connection in model.Connections)
        {
            if (!SupportedConnectors.Contains(connection.ConnectorName))
            {
                diagnostics.Report(
                    DiagnosticDescriptors.UnsupportedConstruct,
                    connection.Location,
                    $"connector '{connection.ConnectorName}' of connection '{connection.Name}' has no code generator yet");
                continue;
            }

            if (views.ProcedureOf(connection) is { } procedure)
            {
                rpcProcedures.Add(procedure);
            }

            wiring.Add(templates.Render($"connectors/{connection.ConnectorName}/wiring.hbs", views.Connection(connection)).TrimEnd());
        }

        foreach (var procedure in model.Procedures.Where(p => rpcProcedures.Contains(p.Name)))
        {
            var view = views.Procedure(procedure);
            files.Add(new GeneratedFileEntry($"{view.FrameName}.g.cs", templates.Render("call-frame.hbs", view)));
            files.Add(new GeneratedFileEntry($"{view.ClientName}.g.cs", templates.Render("connectors/seL4RPCCall/from.hbs", view)));
            files.Add(new GeneratedFileEntry($"{view.ServerName}.g.cs", templates.Render("connectors/seL4RPCCall/to.hbs", view)));
        }

        var system = views.System(wiring);
        files.Add(new GeneratedFileEntry($"{system.ClassName}.g.cs", templates.Render("system.hbs", system)));
        return new EmitResult(files.ToEquatableArray(), diagnostics.ToSortedArray());
    }
}
