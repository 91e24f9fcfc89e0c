using UxRt.Camkes.Adl.Connectors;
using UxRt.Camkes.Adl.Model;
using UxRt.Camkes.Adl.Syntax;

namespace UxRt.Camkes.Compiler.Emit;

/// <summary>What the emitter makes of a declared connector that the <see cref="ConnectorCatalog"/> does not know.</summary>
internal static class ConnectorFamilies
{
    /// <summary>
    /// A declared <c>connector X { from Procedure(s); to Procedure with N threads; }</c> (N &gt; 1) with no
    /// templates of its own is seL4RPCCall served by N interface threads: CAmkES users declare such a
    /// connector over seL4RPCCall's templates, which this runtime has built in.
    /// </summary>
    public static bool IsThreadedRpc(ConnectorModel connector, ConnectorCatalog catalog, ITemplateEngine templates) =>
        catalog.Find(connector.Name) is null
        && connector.From.Kind == ConnectorEndKind.Procedure
        && connector.To.Kind == ConnectorEndKind.Procedure
        && !connector.From.IsHardware && !connector.To.IsHardware && !connector.To.AllowsMany
        && connector.To.Threads > 1
        && !templates.Has($"connectors/{connector.Name}/from.hbs") && !templates.Has($"connectors/{connector.Name}/to.hbs");

    /// <summary>
    /// A connector with a hardware end (camkes-tool's seL4HardwareMMIO, seL4HardwareInterrupt, ...,
    /// which a spec gets from std_connector.camkes without declaring anything) and no user templates:
    /// the runtime models no platform, so it is an unsupported construct rather than a user connector.
    /// </summary>
    public static bool IsUnmodelledHardware(ConnectorModel connector, ITemplateEngine templates) =>
        (connector.From.IsHardware || connector.To.IsHardware)
        && !templates.Has($"connectors/{connector.Name}/from.hbs") && !templates.Has($"connectors/{connector.Name}/to.hbs");

    /// <summary>The kernel notification's mode: seL4NotificationQueue counts every emit; the others coalesce.</summary>
    public static string NotificationMode(ConnectorEntry entry) => entry.CountsEvents ? "Counting" : "Coalescing";
}
