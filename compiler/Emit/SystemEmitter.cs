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
/// procedure, a record struct per struct, a base class per component, the client and server glue of each procedure
/// connector, and the bootstrap that wires every connection on the runtime kernel.
/// </summary>
public static class SystemEmitter
{
    public static EmitResult Emit(SystemModel model, string @namespace) => Emit(model, @namespace, HandlebarsTemplateEngine.Instance);

    internal static EmitResult Emit(SystemModel model, string @namespace, ITemplateEngine templates)
    {
        var diagnostics = new DiagnosticBag();
        var views = new ViewModelBuilder(model, @namespace, diagnostics);
        var files = new List<GeneratedFileEntry>();

        foreach (var procedure in model.Procedures)
        {
            var view = views.Procedure(procedure);
            files.Add(new GeneratedFileEntry($"{view.InterfaceName}.g.cs", templates.Render("procedure.hbs", view)));
        }

        foreach (var structure in model.Structs)
        {
            var view = views.Struct(structure);
            files.Add(new GeneratedFileEntry($"{view.Name}.g.cs", templates.Render("struct.hbs", view)));
        }

        foreach (var component in model.Components.Where(views.IsInstantiated))
        {
            var view = views.Component(component);
            files.Add(new GeneratedFileEntry($"{view.BaseName}.g.cs", templates.Render("component.hbs", view)));
        }

        var wiring = new List<string>();
        var flatTypes = new FlatTypes(model);
        // Per procedure: whether some connection passes it in a call frame, or marshals it through a dataport.
        var procedureGlue = new HashSet<(string Procedure, bool ThroughDataport)>();
        foreach (var connection in model.Connections)
        {
            if (!ConnectorFamilies.TryGet(connection.ConnectorName, out var family))
            {
                diagnostics.Report(
                    DiagnosticDescriptors.UnsupportedConstruct,
                    connection.Location,
                    $"connector '{connection.ConnectorName}' of connection '{connection.Name}' has no code generator (hardware connectors need a platform this runtime does not model)");
                continue;
            }

            if (family == ConnectorFamily.RpcDataport
                && views.FindProcedure(views.ProcedureOf(connection)) is { } marshalled
                && flatTypes.FirstUnmarshallable(marshalled) is { } problem)
            {
                diagnostics.Report(
                    DiagnosticDescriptors.UnsupportedConstruct,
                    connection.Location,
                    $"seL4RPCDataport connection '{connection.Name}' cannot copy {problem} through its buffer: the struct holds a string or an array without a length; use seL4RPCCall");
                continue;
            }

            if (ConnectorFamilies.CarriesProcedure(family) && views.ProcedureOf(connection) is { } procedure)
            {
                procedureGlue.Add((procedure, family == ConnectorFamily.RpcDataport));
            }

            wiring.Add(templates.Render(ConnectorFamilies.WiringTemplate(family), views.Connection(connection, family)).TrimEnd());
        }

        foreach (var procedure in model.Procedures)
        {
            var view = views.Procedure(procedure);
            if (procedureGlue.Contains((procedure.Name, false)))
            {
                files.Add(new GeneratedFileEntry($"{view.FrameName}.g.cs", templates.Render("call-frame.hbs", view)));
                files.Add(new GeneratedFileEntry($"{view.ClientName}.g.cs", templates.Render("connectors/seL4RPCCall/from.hbs", view)));
                files.Add(new GeneratedFileEntry($"{view.ServerName}.g.cs", templates.Render("connectors/seL4RPCCall/to.hbs", view)));
            }

            if (procedureGlue.Contains((procedure.Name, true)))
            {
                files.Add(new GeneratedFileEntry($"{view.DataportClientName}.g.cs", templates.Render("connectors/seL4RPCDataport/from.hbs", view)));
                files.Add(new GeneratedFileEntry($"{view.DataportServerName}.g.cs", templates.Render("connectors/seL4RPCDataport/to.hbs", view)));
            }
        }

        var system = views.System(wiring);
        files.Add(new GeneratedFileEntry($"{system.ClassName}.g.cs", templates.Render("system.hbs", system)));
        return new EmitResult(files.ToEquatableArray(), diagnostics.ToSortedArray());
    }
}
