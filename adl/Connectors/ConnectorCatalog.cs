using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl.Model;

namespace UxRt.Camkes.Adl.Connectors;

/// <summary>
/// The one place that says what each connector is (<see cref="ConnectorEntry"/>). The checks, the
/// emitter and the <c>camkes</c> tool look connectors up here instead of spelling their names, so
/// adding a connector is an entry here (or in a user's catalog file) plus its templates. A
/// connector the spec declares that has no entry is the user's own, whose ends come entirely from
/// the user's templates.
/// </summary>
public sealed record ConnectorCatalog
{
    /// <summary>The connector whose glue every call that crosses nodes travels through: its message is marshalled, never reflected.</summary>
    public const string RemoteCallGlue = "seL4RPCDataport";

    /// <summary>The connector a declared <c>connector X { ... to Procedure with N threads; }</c> without templates of its own stands for.</summary>
    public const string ThreadedRpcStandIn = "seL4RPCCall";

    public static ConnectorCatalog BuiltIn { get; } = new(new[]
    {
        new ConnectorEntry("seL4RPCCall", ConnectorFamily.RpcCall),
        new ConnectorEntry("seL4RPCCallNoType", ConnectorFamily.RpcCall),
        // Older CAmkES names for seL4RPCCall (uxrt_connector.camkes declares them).
        new ConnectorEntry("seL4RPC", ConnectorFamily.RpcCall),
        new ConnectorEntry("seL4RPCSimple", ConnectorFamily.RpcCall),
        new ConnectorEntry("seL4DirectCall", ConnectorFamily.DirectCall),
        new ConnectorEntry("seL4RPCDataport", ConnectorFamily.RpcDataport),
        new ConnectorEntry("seL4RPCOverMultiSharedData", ConnectorFamily.RpcDataport),
        new ConnectorEntry("seL4Notification", ConnectorFamily.Notification),
        new ConnectorEntry("seL4NotificationNative", ConnectorFamily.Notification),
        new ConnectorEntry("seL4NotificationBind", ConnectorFamily.Notification) { BindsToInterfaceThread = true },
        new ConnectorEntry("seL4NotificationQueue", ConnectorFamily.Notification) { CountsEvents = true },
        new ConnectorEntry("seL4RPCEvent", ConnectorFamily.Notification),
        // global-components' (global-connectors.camkes): in CAmkES their consumer waits on one
        // notification of its own instead of an event thread; a kernel notification is that already.
        new ConnectorEntry("seL4GlobalAsynch", ConnectorFamily.Notification) { ConsumesGlobalEndpoint = true },
        new ConnectorEntry("seL4GlobalAsynchCallback", ConnectorFamily.Notification) { ConsumesGlobalEndpoint = true },
        // The TimeServer's connector: a call per request, and the client's own notification for its timeouts.
        new ConnectorEntry("seL4TimeServer", ConnectorFamily.RpcCall) { SignalsClients = true, NodeCrossing = NodeCrossing.Forbidden },
        new ConnectorEntry("seL4RPCCallSignal", ConnectorFamily.RpcCall) { SignalsClients = true, NodeCrossing = NodeCrossing.Forbidden },
        new ConnectorEntry("seL4MessageQueue", ConnectorFamily.MessageQueue),
        new ConnectorEntry("seL4VirtQueues", ConnectorFamily.VirtQueue),
        new ConnectorEntry("seL4SharedData", ConnectorFamily.SharedData),
        new ConnectorEntry("seL4DMASharedData", ConnectorFamily.SharedData),
        new ConnectorEntry(TransportNames.Connector, ConnectorFamily.Transport),
    });

    private readonly Dictionary<string, ConnectorEntry> _byName;

    public ConnectorCatalog(IEnumerable<ConnectorEntry> entries)
    {
        Entries = entries.ToEquatableArray();
        _byName = new Dictionary<string, ConnectorEntry>(System.StringComparer.Ordinal);
        foreach (var entry in Entries)
        {
            _byName[entry.Name] = entry; // a later entry replaces an earlier one of the same name
        }
    }

    public EquatableArray<ConnectorEntry> Entries { get; }

    /// <summary>The entry of a connector, or null for one the catalog does not know (the user's own, or a hardware connector).</summary>
    public ConnectorEntry? Find(string connector) => _byName.TryGetValue(connector, out var entry) ? entry : null;

    /// <summary>This catalog with <paramref name="entries"/> added; one with the name of an existing entry replaces it.</summary>
    public ConnectorCatalog With(IEnumerable<ConnectorEntry> entries) => new(Entries.Concat(entries));

    public bool Equals(ConnectorCatalog? other) => other is not null && Entries.Equals(other.Entries);

    public override int GetHashCode() => Entries.GetHashCode();
}
