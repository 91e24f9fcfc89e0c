using System.Collections.Generic;

namespace UxRt.Camkes.Compiler.Emit;

/// <summary>The kinds of glue the emitter generates; each standard connector belongs to one.</summary>
internal enum ConnectorFamily
{
    /// <summary>seL4RPCCall, seL4RPCCallNoType, seL4RPC and seL4RPCSimple: a call frame through an endpoint.</summary>
    RpcCall,

    /// <summary>seL4DirectCall: the same frame, handled on the caller's thread.</summary>
    DirectCall,

    /// <summary>seL4RPCDataport and seL4RPCOverMultiSharedData: arguments marshalled through a shared buffer of each client's own.</summary>
    RpcDataport,

    /// <summary>seL4Notification, its Native, Bind and Queue variants, seL4RPCEvent, and global-components' seL4GlobalAsynch and seL4GlobalAsynchCallback.</summary>
    Notification,

    /// <summary>seL4SharedData and seL4DMASharedData.</summary>
    SharedData,

    /// <summary>UxrtTransport: UxrtFile reads and writes, short messages inline and long ones through a shared buffer.</summary>
    Transport,
}

/// <summary>Which family a connector's glue comes from, and where its templates live.</summary>
internal static class ConnectorFamilies
{
    private static readonly Dictionary<string, ConnectorFamily> ByConnector = new(System.StringComparer.Ordinal)
    {
        ["seL4RPCCall"] = ConnectorFamily.RpcCall,
        ["seL4RPCCallNoType"] = ConnectorFamily.RpcCall,
        ["seL4RPC"] = ConnectorFamily.RpcCall,
        ["seL4RPCSimple"] = ConnectorFamily.RpcCall,
        ["seL4DirectCall"] = ConnectorFamily.DirectCall,
        ["seL4RPCDataport"] = ConnectorFamily.RpcDataport,
        ["seL4RPCOverMultiSharedData"] = ConnectorFamily.RpcDataport,
        ["seL4Notification"] = ConnectorFamily.Notification,
        ["seL4NotificationNative"] = ConnectorFamily.Notification,
        ["seL4NotificationBind"] = ConnectorFamily.Notification,
        ["seL4NotificationQueue"] = ConnectorFamily.Notification,
        ["seL4RPCEvent"] = ConnectorFamily.Notification,
        // global-components' (global-connectors.camkes): in CAmkES their consumer waits on one
        // notification of its own instead of an event thread; a kernel notification is that already.
        ["seL4GlobalAsynch"] = ConnectorFamily.Notification,
        ["seL4GlobalAsynchCallback"] = ConnectorFamily.Notification,
        ["seL4SharedData"] = ConnectorFamily.SharedData,
        ["seL4DMASharedData"] = ConnectorFamily.SharedData,
        [UxRt.Camkes.Adl.Model.TransportNames.Connector] = ConnectorFamily.Transport,
    };

    public static bool TryGet(string connector, out ConnectorFamily family) => ByConnector.TryGetValue(connector, out family);

    /// <summary>
    /// A declared <c>connector X { from Procedure(s); to Procedure with N threads; }</c> (N &gt; 1) with no
    /// templates of its own is seL4RPCCall served by N interface threads: CAmkES users declare such a
    /// connector over seL4RPCCall's templates, which this runtime has built in.
    /// </summary>
    public static bool IsThreadedRpc(UxRt.Camkes.Adl.Model.ConnectorModel connector, ITemplateEngine templates) =>
        !ByConnector.ContainsKey(connector.Name)
        && connector.From.Kind == UxRt.Camkes.Adl.Syntax.ConnectorEndKind.Procedure
        && connector.To.Kind == UxRt.Camkes.Adl.Syntax.ConnectorEndKind.Procedure
        && !connector.From.IsHardware && !connector.To.IsHardware && !connector.To.AllowsMany
        && connector.To.Threads > 1
        && !templates.Has($"connectors/{connector.Name}/from.hbs") && !templates.Has($"connectors/{connector.Name}/to.hbs");

    /// <summary>
    /// A connector with a hardware end (camkes-tool's seL4HardwareMMIO, seL4HardwareInterrupt, ...,
    /// which a spec gets from std_connector.camkes without declaring anything) and no user templates:
    /// the runtime models no platform, so it is an unsupported construct rather than a user connector.
    /// </summary>
    public static bool IsUnmodelledHardware(UxRt.Camkes.Adl.Model.ConnectorModel connector, ITemplateEngine templates) =>
        (connector.From.IsHardware || connector.To.IsHardware)
        && !templates.Has($"connectors/{connector.Name}/from.hbs") && !templates.Has($"connectors/{connector.Name}/to.hbs");

    /// <summary>
    /// The wiring template, under <c>templates/connectors/</c>. Every procedure connector wires the
    /// same way (an endpoint per server, a client per caller); they differ in their ends' glue.
    /// </summary>
    public static string WiringTemplate(ConnectorFamily family) => family switch
    {
        ConnectorFamily.Notification => "connectors/seL4Notification/wiring.hbs",
        ConnectorFamily.SharedData => "connectors/seL4SharedData/wiring.hbs",
        ConnectorFamily.Transport => "connectors/UxrtTransport/wiring.hbs",
        _ => "connectors/seL4RPCCall/wiring.hbs",
    };

    /// <summary>Whether connections of the family carry a procedure, so its client and server glue is needed.</summary>
    public static bool CarriesProcedure(ConnectorFamily family) => family is ConnectorFamily.RpcCall or ConnectorFamily.DirectCall or ConnectorFamily.RpcDataport;

    /// <summary>seL4NotificationQueue counts every emit; the others coalesce (seL4NotificationBind differs only in where its callbacks run).</summary>
    public static string NotificationMode(string connector) => connector == "seL4NotificationQueue" ? "Counting" : "Coalescing";
}
