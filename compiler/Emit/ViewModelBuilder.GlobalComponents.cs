using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl;
using UxRt.Camkes.Adl.Connectors;
using UxRt.Camkes.Adl.Model;
using UxRt.Camkes.Adl.Syntax;
using UxRt.Camkes.Compiler.Emit.Views;

namespace UxRt.Camkes.Compiler.Emit;

/// <summary>
/// The connectors whose ports are not the port's plain kind: seL4MessageQueue turns a dataport into
/// a typed queue end, seL4VirtQueues a <c>uses VirtQueueDrv/Dev</c> into a virtqueue end (and its
/// stub <c>provides VirtQueue</c> into nothing), seL4TimeServer and seL4RPCCallSignal add each
/// client's notification and the server's signals to the procedure's ends.
/// </summary>
internal sealed partial class ViewModelBuilder
{
    /// <summary>CAmkES's seL4MessageQueue default (<c>queue_size</c> of the connection).</summary>
    private const int DefaultMessageQueueLength = 128;

    /// <summary>Buffers per virtqueue and bytes per buffer slot, unless the connection's <c>queue_length</c> and <c>slot_size</c> say.</summary>
    private const int DefaultVirtQueueLength = 64;
    private const int DefaultVirtQueueSlotSize = 256;

    // The key, after a port's name, of the member ClientSignalPort added to it in _portProperties.
    private const string SignalsKey = "#signals";

    private const string VirtQueueDriverProcedure = "VirtQueueDrv";
    private const string VirtQueueDeviceProcedure = "VirtQueueDev";

    // Each (component, port) that a catalogued connection joins, with that connection's entry and the
    // port's role, built on first use: the port views ask once per port of every component.
    private Dictionary<(string Component, string Port), (ConnectorEntry Entry, ConnectorEndRole Role)>? _portConnections;

    /// <summary>The catalog entry of the connections that join <paramref name="port"/> of <paramref name="component"/>'s instances (the first, in spec order); null when none does or the catalog does not know it.</summary>
    private (ConnectorEntry Entry, ConnectorEndRole Role)? ConnectionOfPort(ComponentModel component, string port)
    {
        if (_portConnections is null)
        {
            _portConnections = new();
            foreach (var connection in _model.Connections)
            {
                if (_index.EntryOf(connection) is not { } entry)
                {
                    continue;
                }

                foreach (var end in connection.Ends)
                {
                    if (_index.ComponentOf(end.Instance) is { } owner && !_portConnections.ContainsKey((owner.Name, end.Interface)))
                    {
                        _portConnections.Add((owner.Name, end.Interface), (entry, end.Role));
                    }
                }
            }
        }

        return _portConnections.TryGetValue((component.Name, port), out var joined) ? joined : null;
    }

    /// <summary>Whether a port is an end of a queue connector, so no procedure interface or glue stands behind it.</summary>
    public bool IsQueuePort(ComponentModel component, InterfaceModel port) =>
        ConnectionOfPort(component, port.Name) is { Entry.Family: ConnectorFamily.VirtQueue or ConnectorFamily.MessageQueue };

    /// <summary>
    /// The member a queue connector gives <paramref name="port"/> instead of its kind's: the port
    /// view, or null when the port is a plain one. <paramref name="skip"/> says the port has no member
    /// at all (the stub end of a virtqueue).
    /// </summary>
    private KernelPortView? QueuePort(ComponentModel component, InterfaceModel port, string property, out bool skip)
    {
        skip = false;
        if (ConnectionOfPort(component, port.Name) is not { } joined)
        {
            return null;
        }

        string type, summary;
        switch (joined.Entry.Family)
        {
            case ConnectorFamily.VirtQueue when port.Kind == InterfaceKind.Provides:
                skip = true;
                return null;
            case ConnectorFamily.VirtQueue when port.Kind == InterfaceKind.Uses:
                var driver = port.TypeName == VirtQueueDriverProcedure;
                type = Runtime + ".Queues." + (driver ? "VirtQueueDriver" : "VirtQueueDevice");
                summary = driver
                    ? "the driver end of the virtqueue: send buffers, notify the device, reclaim the buffers it used."
                    : "the device end of the virtqueue: take the buffers the driver sent (each then used), notify the driver.";
                break;
            case ConnectorFamily.MessageQueue when port.Kind == InterfaceKind.Dataport:
                var message = MessageTypeOf(port.TypeName);
                var sender = joined.Role == ConnectorEndRole.From;
                type = $"{Runtime}.Queues.{(sender ? "MessageQueueSender" : "MessageQueueReceiver")}<{message}>";
                summary = sender
                    ? "the sending end of the message queue: enqueue copies of messages, one or a batch at a time."
                    : "the receiving end of the message queue: dequeue the messages in the order they were sent.";
                break;
            default:
                return null;
        }

        return new KernelPortView
        {
            AdlName = port.Name,
            Declaration = $"{(port.IsOptional ? "maybe " : string.Empty)}{(port.Kind == InterfaceKind.Uses ? "uses" : "dataport")} {port.TypeName} {port.Name}",
            Summary = summary,
            Property = property,
            Field = "_" + CSharpNames.Camel(property).TrimStart('@'),
            Type = type,
            ConnectMethod = "Connect" + property,
            IsOptional = port.IsOptional,
            LineDirective = LineDirective(port.Location),
        };
    }

    /// <summary>
    /// The members seL4TimeServer and seL4RPCCallSignal add to a procedure port: a client's
    /// notification (<c>&lt;iface&gt;_notification()</c>), or the server's signals to its clients
    /// (<c>&lt;iface&gt;_emit(badge)</c>, <c>&lt;iface&gt;_largest_badge()</c>).
    /// </summary>
    private KernelPortView? ClientSignalPort(ComponentModel component, InterfaceModel port, string property, MemberNames names)
    {
        if (port.Kind is not (InterfaceKind.Uses or InterfaceKind.Provides)
            || ConnectionOfPort(component, port.Name) is not { Entry.SignalsClients: true })
        {
            return null;
        }

        var uses = port.Kind == InterfaceKind.Uses;
        var member = Claim(names, component, port.Name + (uses ? "_notification" : "_clients"), uses ? "Notification" : "Signals", port.Location);
        return new KernelPortView
        {
            AdlName = port.Name,
            Declaration = $"{(uses ? "uses" : "provides")} {port.TypeName} {port.Name}",
            Summary = uses
                ? "the notification the server signals for this client (CAmkES's <c>" + port.Name + "_notification()</c>): wait on it, poll it or await it."
                : "signals one client by its badge (CAmkES's <c>" + port.Name + "_emit(badge)</c>); <c>LargestBadge</c> is how many there are.",
            Property = member,
            Field = "_" + CSharpNames.Camel(member).TrimStart('@'),
            Type = Runtime + (uses ? ".Notifications.Notification" : ".Notifications.ClientSignals"),
            ConnectMethod = "Connect" + member,
            IsOptional = uses && port.IsOptional,
            Fallback = uses ? string.Empty : Runtime + ".Notifications.ClientSignals.Unconnected",
            LineDirective = LineDirective(port.Location),
        };
    }

    // The struct a queue's dataport is declared with (`dataport Msg q;` or `dataport struct Msg q;`), as generated.
    private string MessageTypeOf(string typeName) => DataportElementType(StructName(typeName));

    /// <summary>Why a queue connection cannot be wired, or null: what the ends and their types must be.</summary>
    public string? QueueProblem(ConnectionModel connection, ConnectorEntry entry)
    {
        var froms = connection.Ends.Where(e => e.Role == ConnectorEndRole.From).ToList();
        var tos = connection.Ends.Where(e => e.Role == ConnectorEndRole.To).ToList();
        if (entry.Family == ConnectorFamily.MessageQueue)
        {
            if (froms.Count != 1 || tos.Count != 1)
            {
                return "a message queue has one sender ('from') and one receiver ('to') end";
            }

            var type = InterfaceOf(froms[0].Instance, froms[0].Interface)?.TypeName ?? string.Empty;
            if (IsByteBuffer(type) || !_index.IsStruct(StructName(type)))
            {
                return $"a message queue's dataports are declared with the struct of its messages (`dataport Message {froms[0].Interface};`), not '{type}'";
            }

            return tos.Select(e => InterfaceOf(e.Instance, e.Interface)?.TypeName).All(t => t == type)
                ? null
                : "both ends of a message queue are declared with the same struct";
        }

        var roles = froms.Select(e => InterfaceOf(e.Instance, e.Interface)?.TypeName).ToList();
        return froms.Count == 2 && roles.Contains(VirtQueueDriverProcedure) && roles.Contains(VirtQueueDeviceProcedure) && tos.Count == 1
            ? null
            : $"a virtqueue joins one '{VirtQueueDriverProcedure}' and one '{VirtQueueDeviceProcedure}' end ('from') and its VirtQueueInit stub ('to')";
    }

    private ConnectionView MessageQueueConnection(ConnectionView view, ConnectionModel connection, IReadOnlyList<ConnectionEndModel> froms, IReadOnlyList<ConnectionEndModel> tos) => view with
    {
        Variable = CSharpNames.Camel(connection.Name + "_region"),
        MessageType = MessageTypeOf(InterfaceOf(froms[0].Instance, froms[0].Interface)!.TypeName),
        QueueLength = (int)(_settings.Integer(connection.Name, "queue_size") ?? DefaultMessageQueueLength),
        From = froms.Select(e => QueueEnd(e, connection, "sender")).ToEquatableArray(),
        To = tos.Select(e => QueueEnd(e, connection, "receiver")).ToEquatableArray(),
    };

    private ConnectionView VirtQueueConnection(ConnectionView view, ConnectionModel connection, IReadOnlyList<ConnectionEndModel> froms)
    {
        // Each end's Notify wakes the other instance with the badge that instance gave its own end
        // (`inst.iface_attributes`), by which it tells its queues apart.
        int OwnBadge(ConnectionEndModel end) => (int)(_settings.Integer(end.Instance, end.Interface + "_attributes") ?? 1);
        var ends = froms.Select(e =>
        {
            var peer = froms.First(other => other != e);
            return End(e, "Connect", OwnBadge(peer)) with
            {
                IsDriver = InterfaceOf(e.Instance, e.Interface)?.TypeName == VirtQueueDriverProcedure,
                Peer = peer.Instance,
            };
        });
        return view with
        {
            Variable = CSharpNames.Camel(connection.Name + "_region"),
            QueueLength = (int)(_settings.Integer(connection.Name, "queue_length") ?? DefaultVirtQueueLength),
            SlotSize = (int)(_settings.Integer(connection.Name, "slot_size") ?? DefaultVirtQueueSlotSize),
            From = ends.ToEquatableArray(),
        };
    }

    private ConnectionEndView QueueEnd(ConnectionEndModel end, ConnectionModel connection, string side) =>
        End(end, "Connect", 0) with { Variable = CSharpNames.Camel(connection.Name + "_" + side + "_wake") };

    // seL4TimeServer's clients, in badge order (from 1), each with the notification its server signals.
    private List<ConnectionEndView> SignalledClients(ConnectionModel connection, IEnumerable<ConnectionEndView> clients)
    {
        var ordered = clients.OrderBy(c => c.Badge).ToList();
        if (!ordered.Select(c => c.Badge).SequenceEqual(Enumerable.Range(1, ordered.Count)))
        {
            _diagnostics.Report(
                Adl.Diagnostics.DiagnosticDescriptors.InvalidSettingValue,
                connection.Location,
                $"the clients of {connection.ConnectorName} connection '{connection.Name}' have badges {string.Join(", ", ordered.Select(c => c.Badge))}; the server signals them by badge, so they must be 1 to {ordered.Count} (leave `<iface>_attributes` unset to number them in order)");
        }

        return ordered.Select(c =>
        {
            return End(connection.Ends.First(e => e.Instance == c.Instance && e.Interface == c.Interface), "Connect", c.Badge) with
            {
                Member = SignalConnectMethod(c.Instance, c.Interface, "Notification"),
                Variable = CSharpNames.Camel(connection.Name + "_" + c.Instance.Replace('.', '_') + "_notification"),
            };
        }).ToList();
    }

    // The server's member that takes its clients' signals.
    private string ClientSignalsMember(ConnectionEndModel server) => SignalConnectMethod(server.Instance, server.Interface, "Clients");

    // The Connect method of the member ClientSignalPort added to a port, as it was claimed (renamed if it collided).
    private string SignalConnectMethod(string instance, string port, string suffix)
    {
        var component = ComponentOf(instance);
        Component(component);
        return "Connect" + (_portProperties.TryGetValue((component.Name, port + SignalsKey), out var member) ? member : CSharpNames.Pascal(port) + suffix);
    }
}
