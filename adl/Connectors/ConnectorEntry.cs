using UxRt.Camkes.Adl.Syntax;
using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Adl.Connectors;

/// <summary>
/// What one connector is: the family of glue it gets, what its provided end is served by, whether
/// it crosses nodes, and the templates its glue and wiring come from (paths under the template
/// root, as <c>CamkesTemplatePath</c> overrides them). Its ends' arity and thread counts are the
/// spec's <c>connector</c> declaration's; this says what the framework does with it.
/// </summary>
public sealed record ConnectorEntry
{
    public ConnectorEntry(string name, ConnectorFamily family)
    {
        Name = name;
        Family = family;
        HasInterfaceThread = family is ConnectorFamily.RpcCall or ConnectorFamily.RpcDataport;
        NodeCrossing = family switch
        {
            ConnectorFamily.RpcCall or ConnectorFamily.RpcDataport or ConnectorFamily.Notification => NodeCrossing.Carried,
            ConnectorFamily.Transport => NodeCrossing.Unwired,
            _ => NodeCrossing.Forbidden,
        };
        GlueTemplates = family switch
        {
            ConnectorFamily.RpcCall or ConnectorFamily.DirectCall => "connectors/seL4RPCCall",
            ConnectorFamily.RpcDataport => "connectors/seL4RPCDataport",
            _ => null,
        };
        GlueName = family == ConnectorFamily.RpcDataport ? "RpcDataport" : "Rpc";
        WiringTemplate = family switch
        {
            ConnectorFamily.Notification => "connectors/seL4Notification/wiring.hbs",
            ConnectorFamily.SharedData => "connectors/seL4SharedData/wiring.hbs",
            ConnectorFamily.Transport => "connectors/UxrtTransport/wiring.hbs",
            ConnectorFamily.MessageQueue => "connectors/seL4MessageQueue/wiring.hbs",
            ConnectorFamily.VirtQueue => "connectors/seL4VirtQueues/wiring.hbs",
            // Every procedure connector wires the same way (an endpoint per server, a client per caller).
            _ => "connectors/seL4RPCCall/wiring.hbs",
        };
        RemoteWiringTemplate = family switch
        {
            ConnectorFamily.Notification => "connectors/seL4Notification/remote-wiring.hbs",
            ConnectorFamily.RpcCall or ConnectorFamily.RpcDataport => "connectors/seL4RPCCall/remote-wiring.hbs",
            _ => null,
        };
    }

    public string Name { get; }

    public ConnectorFamily Family { get; }

    /// <summary>The kind of interface both ends join: a procedure, an event or a dataport.</summary>
    public ConnectorEndKind EndKind => Family switch
    {
        ConnectorFamily.Notification => ConnectorEndKind.Event,
        ConnectorFamily.SharedData or ConnectorFamily.MessageQueue => ConnectorEndKind.Dataport,
        _ => ConnectorEndKind.Procedure,
    };

    /// <summary>What a reader calls connections of its family, as <c>camkes graph</c>'s legend names them.</summary>
    public string Kind => Family switch
    {
        ConnectorFamily.RpcCall => "call",
        ConnectorFamily.DirectCall => "direct call",
        ConnectorFamily.RpcDataport => "call through a dataport",
        ConnectorFamily.Notification => "event",
        ConnectorFamily.SharedData => "shared memory",
        ConnectorFamily.MessageQueue => "message queue",
        ConnectorFamily.VirtQueue => "virtqueue",
        _ => "transport",
    };

    /// <summary>Whether a procedure is called through it, so its ends have client and server glue.</summary>
    public bool CarriesProcedure => Family is ConnectorFamily.RpcCall or ConnectorFamily.DirectCall or ConnectorFamily.RpcDataport;

    /// <summary>A plain call within one address space (seL4DirectCall): its ends must share a group (ADL0026).</summary>
    public bool IsPlainCall => Family == ConnectorFamily.DirectCall;

    /// <summary>
    /// Whether its provided end is served by an interface thread of the kernel's (unless the
    /// interface is passive): what seL4NotificationBind binds to and what <c>with N threads</c> adds to.
    /// </summary>
    public bool HasInterfaceThread { get; init; }

    public NodeCrossing NodeCrossing { get; init; }

    /// <summary>A notification that its consumer takes on the thread of its one threaded provided interface (seL4NotificationBind, ADL0320).</summary>
    public bool BindsToInterfaceThread { get; init; }

    /// <summary>A notification that counts every emit instead of coalescing them (seL4NotificationQueue).</summary>
    public bool CountsEvents { get; init; }

    /// <summary>
    /// A notification whose consumer waits on its instance's global endpoint (global-components'
    /// <c>to_global_endpoint</c>), which other connectors such as seL4VirtQueues signal too.
    /// </summary>
    public bool ConsumesGlobalEndpoint { get; init; }

    /// <summary>
    /// A procedure connector that also gives each client a notification of its own, which the server
    /// signals by the client's badge (<c>&lt;iface&gt;_emit(badge)</c>): seL4TimeServer, seL4RPCCallSignal.
    /// Badges run from 1 in the order of the <c>from</c> ends, unless <c>&lt;iface&gt;_attributes</c> sets them.
    /// </summary>
    public bool SignalsClients { get; init; }

    /// <summary>
    /// The folder of the ends' glue for a procedure connector: <c>from.hbs</c>, <c>to.hbs</c> for
    /// native ends, <c>from-async.hbs</c>, <c>to-async.hbs</c> for unicore ones; null for the others.
    /// </summary>
    public string? GlueTemplates { get; init; }

    /// <summary>The glue classes' infix: procedure <c>P</c> over glue <c>Rpc</c> has <c>PRpcClient</c>, <c>PRpcAsyncServer</c>, ...</summary>
    public string GlueName { get; init; }

    /// <summary>The template that wires a connection on the kernel.</summary>
    public string WiringTemplate { get; init; }

    /// <summary>The template that wires a connection whose ends are on different nodes; null when it is not <see cref="NodeCrossing.Carried"/>.</summary>
    public string? RemoteWiringTemplate { get; init; }

    /// <summary>Where a user's entry is written (its catalog file); null for built-in entries.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>The template of one end's glue: the client (<c>from</c>) or server (<c>to</c>), blocking or awaitable; null without glue templates.</summary>
    public string? EndTemplate(bool isClient, bool isAwaitable) =>
        GlueTemplates is null ? null : $"{GlueTemplates}/{(isClient ? "from" : "to")}{(isAwaitable ? "-async" : string.Empty)}.hbs";
}
