using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl;
using UxRt.Camkes.Adl.Connectors;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Model;
using UxRt.Camkes.Adl.Syntax;
using UxRt.Camkes.Adl.Text;
using UxRt.Camkes.Compiler.Emit.Views;

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
public static partial class SystemEmitter
{
    public static EmitResult Emit(SystemModel model, string @namespace) => Emit(model, @namespace, HandlebarsTemplateEngine.Instance);

    /// <summary>
    /// For a spec with errors: only the interfaces, structs and component base classes that no
    /// error touches (<see cref="UntouchedParts"/>), so the user's classes still compile against
    /// them and the ADL errors stand alone. No glue and no system class.
    /// </summary>
    internal static EmitResult EmitUntouched(SystemModel model, string @namespace, EquatableArray<TemplateOverride> userTemplates, IEnumerable<AdlDiagnostic> diagnostics, ConnectorCatalog? connectors = null) =>
        Emit(model, @namespace, userTemplates, new UntouchedParts(model, diagnostics), connectors: connectors);

    /// <summary>Emits with the user's templates in place of the built-in ones they name; an override that names none is a warning.</summary>
    /// <param name="remoteNodes">Whether the generated code may use UxRt.Camkes.Remote to wire connections across nodes.</param>
    /// <param name="connectors">What each connector is; the built-in catalog when null.</param>
    internal static EmitResult Emit(SystemModel model, string @namespace, EquatableArray<TemplateOverride> userTemplates, UntouchedParts? only = null, bool remoteNodes = false, ConnectorCatalog? connectors = null)
    {
        if (userTemplates.Count == 0)
        {
            return Emit(model, @namespace, HandlebarsTemplateEngine.Instance, only, remoteNodes, connectors);
        }

        var result = Emit(model, @namespace, HandlebarsTemplateEngine.WithOverrides(userTemplates), only, remoteNodes, connectors);
        var unused = userTemplates
            .Where(t => !HandlebarsTemplateEngine.IsBuiltIn(t.RelativePath) && !model.Connectors.Any(c => t.RelativePath.StartsWith($"connectors/{c.Name}/", System.StringComparison.Ordinal)))
            .Select(t => AdlDiagnostic.Create(
                DiagnosticDescriptors.UnknownTemplate,
                SourceLocation.StartOf(t.FullPath),
                $"template '{t.RelativePath}' replaces no built-in template; the built-in ones are {string.Join(", ", HandlebarsTemplateEngine.BuiltInTemplates)}"));
        return result with { Diagnostics = result.Diagnostics.Concat(unused).ToEquatableArray() };
    }

    internal static EmitResult Emit(SystemModel model, string @namespace, ITemplateEngine templates, UntouchedParts? only = null, bool remoteNodes = false, ConnectorCatalog? connectors = null)
    {
        try
        {
            return EmitAll(model, @namespace, templates, only, remoteNodes, connectors ?? ConnectorCatalog.BuiltIn);
        }
        catch (TemplateError error)
        {
            // A broken (user) template: report it where it is written; nothing of this system is emitted.
            var location = new SourceLocation(error.File, error.Line, 1, 0, 0);
            return new EmitResult(
                EquatableArray<GeneratedFileEntry>.Empty,
                new[] { AdlDiagnostic.Create(DiagnosticDescriptors.TemplateFailed, location, $"template '{error.File}': {error.Message}") }.ToEquatableArray());
        }
    }

    private static EmitResult EmitAll(SystemModel model, string @namespace, ITemplateEngine templates, UntouchedParts? only, bool remoteNodes, ConnectorCatalog catalog)
    {
        var diagnostics = new DiagnosticBag();
        var views = new ViewModelBuilder(model, @namespace, diagnostics, catalog);
        var files = new List<GeneratedFileEntry>();

        // Library procedures nobody uses stay out: camkes-tool's builtin declares some (GDB_delegate)
        // over seL4 C types that mean nothing in C#.
        // So do the roles of a queue connector's ends (VirtQueueDrv), which name no methods to call.
        var used = new HashSet<string>(
            model.Components.Where(views.IsInstantiated).SelectMany(c => c.Interfaces.Where(i => !views.IsQueuePort(c, i))).Select(i => i.TypeName),
            System.StringComparer.Ordinal);
        // The transport's procedure is served by the runtime's own types, not generated ones.
        var procedures = model.Procedures
            .Where(p => (only?.IsUntouched(p) ?? true)
                && (used.Contains(p.Name) || !BuiltInLibrary.IsBuiltIn(p.Location.FilePath)) && p.Name != TransportNames.Procedure)
            .ToList();
        foreach (var procedure in procedures)
        {
            var view = views.Procedure(procedure);
            files.Add(new GeneratedFileEntry($"{view.InterfaceName}.g.cs", templates.Render("procedure.hbs", view)));
        }

        foreach (var structure in model.Structs.Where(s => only?.IsUntouched(s) ?? true))
        {
            var view = views.Struct(structure);
            files.Add(new GeneratedFileEntry($"{view.Name}.g.cs", templates.Render("struct.hbs", view)));
        }

        // The awaitable form of every procedure a unicore component calls or serves.
        var awaitable = new HashSet<string>();
        foreach (var component in model.Components.Where(c => views.IsInstantiated(c) && (only?.IsUntouched(c) ?? true)))
        {
            var view = views.Component(component);
            files.Add(new GeneratedFileEntry($"{view.BaseName}.g.cs", templates.Render("component.hbs", view)));
            // global-components' TimeServer and VirtQueueInit come implemented: the spec names them, nobody writes them.
            if (BuiltInLibrary.IsBuiltIn(component.Location.FilePath) && templates.Has($"components/{component.Name}.hbs"))
            {
                files.Add(new GeneratedFileEntry($"{view.ClassName}.g.cs", templates.Render($"components/{component.Name}.hbs", view)));
            }
            if (view.IsUnicore)
            {
                awaitable.UnionWith(component.Interfaces.Where(i => i.Kind is InterfaceKind.Uses or InterfaceKind.Provides).Select(i => i.TypeName));
                awaitable.UnionWith(view.Provides.Select(p => p.ProcedureName)); // with the procedures a seL4RPCCallNoType interface serves
            }
        }

        if (only is not null)
        {
            foreach (var procedure in model.Procedures.Where(p => awaitable.Contains(p.Name)))
            {
                var view = views.Procedure(procedure);
                files.Add(new GeneratedFileEntry($"{view.AsyncInterfaceName}.g.cs", templates.Render("procedure-async.hbs", view)));
            }

            return new EmitResult(files.ToEquatableArray(), diagnostics.ToSortedArray());
        }

        var wiring = new List<RenderedConnection>();
        var crossNode = new CrossNode(model, remoteNodes, catalog);
        var flatTypes = new FlatTypes(model);
        // Per procedure: the ends some connection needs: through a call frame or a dataport, blocking or awaitable.
        var procedureGlue = new HashSet<ProcedureGlue>();
        // Procedures with a call-frame connection through a buffer, whose client glue checks sizes.
        var bufferLimited = new HashSet<string>(global::System.StringComparer.Ordinal);
        foreach (var connection in model.Connections)
        {
            var entry = catalog.Find(connection.ConnectorName);
            var declared = model.Connectors.FirstOrDefault(c => c.Name == connection.ConnectorName);
            if (entry is null
                && declared is not null
                && !ConnectorFamilies.IsThreadedRpc(declared, catalog, templates)
                && !ConnectorFamilies.IsUnmodelledHardware(declared, templates))
            {
                if (UserConnector(connection, declared, views, templates, diagnostics, files) is { } userWiring)
                {
                    crossNode.ReportNotCarried(connection, diagnostics);
                    wiring.Add(new RenderedConnection(connection, userWiring));
                }

                continue;
            }

            if (entry is null && declared is not null && ConnectorFamilies.IsThreadedRpc(declared, catalog, templates))
            {
                entry = catalog.Find(ConnectorCatalog.ThreadedRpcStandIn)!;
            }
            else if (entry is null)
            {
                diagnostics.Report(
                    DiagnosticDescriptors.UnsupportedConstruct,
                    connection.Location,
                    $"connector '{connection.ConnectorName}' of connection '{connection.Name}' has no code generator (hardware connectors need a platform this runtime does not model)");
                continue;
            }

            if (entry.Family is ConnectorFamily.MessageQueue or ConnectorFamily.VirtQueue && views.QueueProblem(connection, entry) is { } queueProblem)
            {
                diagnostics.Report(
                    DiagnosticDescriptors.UnsupportedConstruct,
                    connection.Location,
                    $"{connection.ConnectorName} connection '{connection.Name}': {queueProblem}");
                continue;
            }

            if (MissingGlueTemplate(connection, entry, views, templates) is { } missing)
            {
                diagnostics.Report(
                    DiagnosticDescriptors.MissingConnectorTemplates,
                    connection.Location,
                    $"connection '{connection.Name}' ({connection.ConnectorName}) needs template {missing} for its {(missing.Contains("/from") ? "client" : "server")} glue, which is neither built in nor under the directory CamkesTemplatePath names");
                continue;
            }

            if (entry.Family == ConnectorFamily.RpcDataport
                && views.FindProcedure(views.ProcedureOf(connection)) is { } marshalled
                && flatTypes.FirstUnmarshallable(marshalled) is { } problem)
            {
                diagnostics.Report(
                    DiagnosticDescriptors.UnsupportedConstruct,
                    connection.Location,
                    $"{connection.ConnectorName} connection '{connection.Name}' cannot copy {problem} through its buffer: the struct holds a string or an array without a length; use seL4RPCCall");
                continue;
            }

            // seL4RPCCallNoType lets ends of different procedures meet: in CAmkES the server (a CakeML
            // component) decodes the calls itself; here its interface implements each client's
            // procedure (ViewModelBuilder.NoType.cs). Typed glue cannot do that through a dataport or across nodes.
            if (entry.CarriesProcedure && views.MixedProceduresOf(connection) is { } mixed)
            {
                if (entry.Family != ConnectorFamily.RpcCall || crossNode.Crosses(connection) || views.CallBufferOf(connection) is not null)
                {
                    diagnostics.Report(
                        DiagnosticDescriptors.UnsupportedConstruct,
                        connection.Location,
                        $"connection '{connection.Name}' ({connection.ConnectorName}) joins ends of different procedures ({string.Join(", ", views.ProceduresOf(connection))}); that works in one process over a call frame without a buffer, not through a dataport or across nodes: give every end the same procedure, or one connection per procedure");
                    continue;
                }

                foreach (var end in connection.Ends)
                {
                    var isClient = end.Role == ConnectorEndRole.From;
                    foreach (var served in isClient ? new[] { views.ProcedureOfEnd(end) }.OfType<string>() : mixed)
                    {
                        procedureGlue.Add(ProcedureGlue.Of(served, entry, isClient, views.IsUnicoreInstance(end.Instance)));
                    }
                }

                wiring.Add(new RenderedConnection(connection, templates.Render(entry.WiringTemplate, views.Connection(connection, entry)).TrimEnd(), null));
                continue;
            }

            if (entry.CarriesProcedure && views.ProcedureOf(connection) is { } procedure)
            {
                if (entry.Family == ConnectorFamily.RpcCall && views.CallBufferOf(connection) is not null)
                {
                    bufferLimited.Add(procedure);
                }

                foreach (var end in connection.Ends)
                {
                    procedureGlue.Add(ProcedureGlue.Of(procedure, entry, end.Role == ConnectorEndRole.From, views.IsUnicoreInstance(end.Instance)));
                }
            }

            wiring.Add(new RenderedConnection(
                connection,
                templates.Render(entry.WiringTemplate, views.Connection(connection, entry)).TrimEnd(),
                crossNode.Crosses(connection) ? crossNode.Wiring(connection, entry, views, flatTypes, templates, diagnostics, procedureGlue) : null));
        }

        foreach (var procedure in procedures)
        {
            var view = views.Procedure(procedure);
            view = view with { BufferLimited = bufferLimited.Contains(procedure.Name) };
            if (awaitable.Contains(procedure.Name))
            {
                files.Add(new GeneratedFileEntry($"{view.AsyncInterfaceName}.g.cs", templates.Render("procedure-async.hbs", view)));
            }

            foreach (var glue in procedureGlue.Where(g => g.Procedure == procedure.Name).OrderBy(g => g.Order).ThenBy(g => g.Templates, System.StringComparer.Ordinal))
            {
                var glueView = views.Procedure(procedure, glue.GlueName, glue.ThroughDataport) with { BufferLimited = view.BufferLimited, IsAwaitable = glue.IsAwaitable };
                var name = GlueClass(glueView, glue);
                files.Add(new GeneratedFileEntry($"{name}.g.cs", templates.Render(glue.Template, glueView)));
            }

            if (procedureGlue.Any(g => g.Procedure == procedure.Name && !g.ThroughDataport))
            {
                files.Add(new GeneratedFileEntry($"{view.FrameName}.g.cs", templates.Render("call-frame.hbs", view)));
            }
        }

        var system = views.System(wiring, remoteNodes);
        files.Add(new GeneratedFileEntry($"{system.ClassName}.g.cs", templates.Render("system.hbs", system)));
        return new EmitResult(files.ToEquatableArray(), diagnostics.ToSortedArray());
    }

    /// <summary>
    /// A connection of a connector declared in the spec (<c>connector X { from Procedure; to Procedure; }</c>):
    /// its ends come from the user's <c>connectors/X/from.hbs</c> and <c>to.hbs</c>; returns its wiring, or null after a diagnostic.
    /// </summary>
    private static string? UserConnector(ConnectionModel connection, ConnectorModel connector, ViewModelBuilder views, ITemplateEngine templates, DiagnosticBag diagnostics, List<GeneratedFileEntry> files)
    {
        var from = $"connectors/{connector.Name}/from.hbs";
        var to = $"connectors/{connector.Name}/to.hbs";
        if (!templates.Has(from) || !templates.Has(to))
        {
            // global-components' connectors come with `import <global-connectors.camkes>;`, not from the user.
            if (connector.Location.FilePath is { } declaredIn && Adl.Text.BuiltInLibrary.IsBuiltIn(declaredIn))
            {
                diagnostics.Report(
                    DiagnosticDescriptors.UnsupportedConstruct,
                    connection.Location,
                    $"connector '{connector.Name}' of connection '{connection.Name}' comes from {declaredIn.Substring(Adl.Text.BuiltInLibrary.Directory.Length + 1)} and has no software implementation here yet; templates of your own under CamkesTemplatePath (connectors/{connector.Name}/from.hbs and to.hbs) can implement it");
                return null;
            }

            diagnostics.Report(
                DiagnosticDescriptors.MissingConnectorTemplates,
                connection.Location,
                $"connector '{connector.Name}' of connection '{connection.Name}' is declared in the spec but has no templates: add {from} and {to} under the directory CamkesTemplatePath names");
            return null;
        }

        var procedure = views.FindProcedure(views.ProcedureOf(connection));
        var ends = connection.Ends;
        if (connector.From.Kind != ConnectorEndKind.Procedure || connector.To.Kind != ConnectorEndKind.Procedure || procedure is null
            || ends.Count(e => e.Role == ConnectorEndRole.To) != 1 || ends.Any(e => views.IsUnicoreInstance(e.Instance)))
        {
            diagnostics.Report(
                DiagnosticDescriptors.UnsupportedConstruct,
                connection.Location,
                $"user-defined connector '{connector.Name}' of connection '{connection.Name}': templates can implement procedure connectors with one 'to' end between native instances");
            return null;
        }

        var view = views.UserConnection(connection, procedure);
        files.Add(new GeneratedFileEntry($"{view.FromClass}.g.cs", templates.Render(from, view)));
        files.Add(new GeneratedFileEntry($"{view.ToClass}.g.cs", templates.Render(to, view)));
        return templates.Render("user-connector-wiring.hbs", view).TrimEnd();
    }

    // A catalog entry of the user's names its glue's templates; each end needs the one of its side and threading.
    private static string? MissingGlueTemplate(ConnectionModel connection, ConnectorEntry entry, ViewModelBuilder views, ITemplateEngine templates) =>
        connection.Ends
            .Select(e => entry.EndTemplate(e.Role == ConnectorEndRole.From, views.IsUnicoreInstance(e.Instance)))
            .FirstOrDefault(t => t is not null && !templates.Has(t));

    // One glue class per (glue, end, threading): e.g. the awaitable client of a frame connection.
    private static string GlueClass(ProcedureView view, ProcedureGlue glue) => glue switch
    {
        { ThroughDataport: false, IsClient: true, IsAwaitable: false } => view.ClientName,
        { ThroughDataport: false, IsClient: true, IsAwaitable: true } => view.AsyncClientName,
        { ThroughDataport: false, IsClient: false, IsAwaitable: false } => view.ServerName,
        { ThroughDataport: false, IsClient: false, IsAwaitable: true } => view.AsyncServerName,
        { ThroughDataport: true, IsClient: true, IsAwaitable: false } => view.DataportClientName,
        { ThroughDataport: true, IsClient: true, IsAwaitable: true } => view.DataportAsyncClientName,
        { ThroughDataport: true, IsClient: false, IsAwaitable: false } => view.DataportServerName,
        _ => view.DataportAsyncServerName,
    };

    /// <summary>
    /// One end's glue for a procedure: whose glue (the catalog entry's templates and class infix;
    /// connectors that share them share the classes), client or server, blocking (native) or awaitable (unicore).
    /// </summary>
    private readonly record struct ProcedureGlue(string Procedure, string Templates, string GlueName, bool ThroughDataport, bool IsClient, bool IsAwaitable)
    {
        public static ProcedureGlue Of(string procedure, ConnectorEntry entry, bool isClient, bool isAwaitable) =>
            new(procedure, entry.GlueTemplates!, entry.GlueName, entry.Family == ConnectorFamily.RpcDataport, isClient, isAwaitable);

        public string Template => $"{Templates}/{(IsClient ? "from" : "to")}{(IsAwaitable ? "-async" : string.Empty)}.hbs";

        // Files come out in a stable order whatever order connections list their ends in.
        public int Order => (ThroughDataport ? 4 : 0) + (IsClient ? 0 : 2) + (IsAwaitable ? 1 : 0);
    }
}
