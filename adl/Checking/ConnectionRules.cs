using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Model;
using UxRt.Camkes.Adl.Syntax;

namespace UxRt.Camkes.Adl.Checking;

/// <summary>
/// Rules about connections: each end's interface kind fits the connector (ADL0008), both sides
/// are present (ADL0023) and no side has more ends than the connector allows (ADL0010), all ends
/// have one interface type (ADL0009), an interface joins one connection only (ADL0011), and
/// every non-<c>maybe</c> uses/consumes/dataport is connected (ADL0012), and a plain call
/// (seL4DirectCall, <see cref="Connectors.ConnectorEntry.IsPlainCall"/>) stays within one group (ADL0026).
/// </summary>
internal static class ConnectionRules
{
    private const string DisableTypeChecking = "disable_interface_type_checking";

    public static void Check(SystemModel model, ModelIndex index, IReadOnlyCollection<(string Instance, string Interface)> alsoConnected, DiagnosticBag diagnostics)
    {
        CheckCatalogEntries(model, index, diagnostics);
        var connected = new Dictionary<(string Instance, string Interface), string>();
        var excused = new HashSet<(string Instance, string Interface)>(alsoConnected);
        foreach (var connection in model.Connections)
        {
            if (!index.Connectors.TryGetValue(connection.ConnectorName, out var connector))
            {
                continue;
            }

            CheckSides(connection, connector, diagnostics);
            CheckSameGroup(connection, index, diagnostics);
            foreach (var end in connection.Ends)
            {
                CheckEnd(connection, connector, end, index, diagnostics);
                CheckUsedOnce(connection, end, index, connected, diagnostics);
            }

            if (!TypeCheckingDisabled(connection, connector, index))
            {
                CheckTypes(connection, index, diagnostics);
            }
        }

        foreach (var instance in model.Instances)
        {
            var component = index.ComponentOf(instance.Name);
            foreach (var port in component?.Interfaces ?? EquatableArray<InterfaceModel>.Empty)
            {
                var key = (instance.Name, port.Name);
                if (InterfaceKinds.MustBeConnected(port.Kind) && !port.IsOptional && !connected.ContainsKey(key) && !excused.Contains(key))
                {
                    diagnostics.Report(
                        DiagnosticDescriptors.UnconnectedInterface,
                        instance.Location,
                        $"interface '{port.Name}' ({InterfaceKinds.Keyword(port.Kind)} {port.TypeName}) of instance '{instance.Name}' is not connected; connect it or declare it 'maybe'");
                }
            }
        }
    }

    // A catalog entry says what kind of interface its connector joins; the spec's declaration must agree (ADL0103).
    private static void CheckCatalogEntries(SystemModel model, ModelIndex index, DiagnosticBag diagnostics)
    {
        foreach (var connector in model.Connectors)
        {
            if (index.Catalog.Find(connector.Name) is not { } entry || (connector.From.Kind == entry.EndKind && connector.To.Kind == entry.EndKind))
            {
                continue;
            }

            var from = entry.Location is { } file ? $"its catalog entry ({file.FilePath})" : "the built-in catalog";
            diagnostics.Report(
                DiagnosticDescriptors.InvalidCatalogEntry,
                connector.Location,
                $"connector '{connector.Name}' is declared 'from {connector.From.Kind}' and 'to {connector.To.Kind}', but {from} puts it in the {entry.Family} family, whose ends are {entry.EndKind}s; declare it with {entry.EndKind} ends or change the entry's family");
        }
    }

    private static void CheckSides(ConnectionModel connection, ConnectorModel connector, DiagnosticBag diagnostics)
    {
        foreach (var (role, end) in new[] { (ConnectorEndRole.From, connector.From), (ConnectorEndRole.To, connector.To) })
        {
            var ends = connection.Ends.Where(e => e.Role == role).ToList();
            var keyword = Keyword(role);
            if (ends.Count == 0)
            {
                diagnostics.Report(
                    DiagnosticDescriptors.MissingConnectionEnd,
                    connection.Location,
                    $"connection '{connection.Name}' has no '{keyword}' end; connector '{connector.Name}' needs one");
            }
            else if (ends.Count > 1 && !end.AllowsMany)
            {
                diagnostics.Report(
                    DiagnosticDescriptors.TooManyEnds,
                    ends[1].Location,
                    $"connector '{connector.Name}' takes one '{keyword}' end ({keyword} {end.Kind}), but connection '{connection.Name}' has {ends.Count}; use separate connections or a connector declared '{keyword} {end.Kind}s'");
            }
        }
    }

    // seL4DirectCall is a plain function call, so CAmkES allows it only inside one address space (group).
    private static void CheckSameGroup(ConnectionModel connection, ModelIndex index, DiagnosticBag diagnostics)
    {
        if (index.EntryOf(connection) is not { IsPlainCall: true })
        {
            return;
        }

        var groups = connection.Ends
            .Select(e => (End: e, Group: index.InstanceOf(e.Instance)?.Group))
            .ToList();
        var first = groups.FirstOrDefault();
        foreach (var (end, group) in groups)
        {
            if (group is null || group != first.Group)
            {
                diagnostics.Report(
                    DiagnosticDescriptors.DirectCallAcrossGroups,
                    end.Location,
                    $"connection '{connection.Name}' uses {connection.ConnectorName}, a plain call within one address space, but '{end.Instance}' is {(group is null ? "in no group" : $"in group '{group}'")}{(first.Group is null || group is null ? string.Empty : $" and '{first.End.Instance}' in group '{first.Group}'")}; put both instances in one group or use seL4RPCCall");
                return;
            }
        }
    }

    private static void CheckEnd(ConnectionModel connection, ConnectorModel connector, ConnectionEndModel end, ModelIndex index, DiagnosticBag diagnostics)
    {
        if (index.InterfaceOf(end.Instance, end.Interface) is not { } port || index.ComponentOf(end.Instance) is not { } component)
        {
            return;
        }

        var connectorEnd = end.Role == ConnectorEndRole.From ? connector.From : connector.To;
        var keyword = Keyword(end.Role);
        var expected = InterfaceKinds.Expected(connectorEnd.Kind, end.Role);
        if (port.Kind != expected)
        {
            diagnostics.Report(
                DiagnosticDescriptors.EndKindNotAllowed,
                end.Location,
                $"'{end.Instance}.{end.Interface}' is a '{InterfaceKinds.Keyword(port.Kind)}' interface, but connector '{connector.Name}' takes a '{InterfaceKinds.Keyword(expected)}' interface on its '{keyword}' side");
        }

        if (connectorEnd.IsHardware && !component.IsHardware)
        {
            diagnostics.Report(
                DiagnosticDescriptors.EndKindNotAllowed,
                end.Location,
                $"connector '{connector.Name}' takes a hardware component on its '{keyword}' side, but '{end.Instance}' (component {component.Name}) is not declared 'hardware;'");
        }
        else if (!connectorEnd.IsHardware && component.IsHardware)
        {
            diagnostics.Report(
                DiagnosticDescriptors.EndKindNotAllowed,
                end.Location,
                $"'{end.Instance}' is a hardware component, but connector '{connector.Name}' takes no hardware on its '{keyword}' side");
        }
    }

    private static void CheckUsedOnce(
        ConnectionModel connection,
        ConnectionEndModel end,
        ModelIndex index,
        Dictionary<(string Instance, string Interface), string> connected,
        DiagnosticBag diagnostics)
    {
        var key = (end.Instance, end.Interface);
        if (!connected.TryGetValue(key, out var first))
        {
            connected.Add(key, connection.Name);
            return;
        }

        // Connections sharing an end were merged, or reported where they could not be (ConnectionMerger).
        if (first != connection.Name)
        {
            return;
        }

        if (index.InterfaceOf(end.Instance, end.Interface) is { } port && !InterfaceKinds.MayServeSeveralConnections(port.Kind))
        {
            var where = "earlier in the same connection";
            diagnostics.Report(
                DiagnosticDescriptors.InterfaceConnectedTwice,
                end.Location,
                $"'{end.Instance}.{end.Interface}' is already connected {where}; a '{InterfaceKinds.Keyword(port.Kind)}' interface takes part in one connection only");
        }
    }

    private static void CheckTypes(ConnectionModel connection, ModelIndex index, DiagnosticBag diagnostics)
    {
        var ports = connection.Ends
            .Select(e => (End: e, Port: index.InterfaceOf(e.Instance, e.Interface)))
            .Where(p => p.Port is not null)
            .ToList();
        if (ports.Count < 2)
        {
            return;
        }

        var (firstEnd, firstPort) = ports[0];
        foreach (var (end, port) in ports.Skip(1))
        {
            if (port!.TypeName != firstPort!.TypeName || (port.Kind == InterfaceKind.Dataport && port.DataportSize != firstPort.DataportSize))
            {
                diagnostics.Report(
                    DiagnosticDescriptors.ConflictingInterfaceTypes,
                    end.Location,
                    $"connection '{connection.Name}' joins interfaces of different types: '{firstEnd.Instance}.{firstEnd.Interface}' is {TypeOf(firstPort)} but '{end.Instance}.{end.Interface}' is {TypeOf(port)}");
            }
        }
    }

    private static string TypeOf(InterfaceModel port) =>
        port.Kind == InterfaceKind.Dataport ? $"{port.TypeName} ({port.DataportSize} bytes)" : port.TypeName;

    private static bool TypeCheckingDisabled(ConnectionModel connection, ConnectorModel connector, ModelIndex index) =>
        IsTrue(index.Setting(connection.Name, DisableTypeChecking))
        || connector.Attributes.Any(a => a.Name == DisableTypeChecking && IsTrue(a.DefaultValue));

    private static bool IsTrue(ConfigValue? value) => value is BooleanValue { Value: true } or IntegerValue { Value: not 0 };

    private static string Keyword(ConnectorEndRole role) => role == ConnectorEndRole.From ? "from" : "to";
}
