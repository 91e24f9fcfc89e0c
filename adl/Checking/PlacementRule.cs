using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl.Connectors;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Model;
using UxRt.Camkes.Adl.Syntax;

namespace UxRt.Camkes.Adl.Checking;

/// <summary>
/// <c>inst.node = "name";</c>: which node (process or host) an instance runs on; an instance without
/// it runs on <see cref="DefaultNode"/>, so a spec that never says <c>node</c> is one node as before.
/// The value must be a non-empty string (ADL0330). What cannot cross a node boundary — shared memory
/// (a connector with a <c>Dataport</c> end), a connector whose catalog entry forbids crossing
/// (<see cref="NodeCrossing.Forbidden"/>: shared data, <c>seL4DirectCall</c>), a passive interface
/// (<c>&lt;iface&gt;_passive = true</c>), one group (address space) — must have all its ends on one
/// node (ADL0331, naming both ends). A hardware component stays with its device: it takes the node of
/// the instances connected to it, so it cannot be given a <c>node</c> of its own and those instances
/// must share one node (ADL0332).
/// </summary>
public static class PlacementRule
{
    /// <summary>The setting's name.</summary>
    public const string Node = "node";

    /// <summary>The node of every instance that has no <c>node</c> setting.</summary>
    public const string DefaultNode = "default";

    /// <summary>
    /// The node each instance runs on, by instance name (hardware instances take the node of the first
    /// instance connected to them). Meant for a checked model: invalid values count as the default node.
    /// </summary>
    public static IReadOnlyDictionary<string, string> NodesOf(SystemModel model)
    {
        var index = new ModelIndex(model);
        var nodes = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var instance in model.Instances)
        {
            nodes[instance.Name] = DeclaredNode(index, instance.Name) ?? DefaultNode;
        }

        foreach (var instance in model.Instances.Where(i => index.ComponentOf(i.Name)?.IsHardware == true))
        {
            var peer = model.Connections
                .Where(c => c.Ends.Any(e => e.Instance == instance.Name))
                .SelectMany(c => c.Ends)
                .FirstOrDefault(e => index.ComponentOf(e.Instance) is { IsHardware: false });
            nodes[instance.Name] = peer is null ? DefaultNode : nodes[peer.Instance];
        }

        return nodes;
    }

    /// <summary>The distinct nodes of a checked model, in the order their first instance is declared.</summary>
    public static IReadOnlyList<string> NodeNames(SystemModel model)
    {
        var nodes = NodesOf(model);
        return model.Instances.Select(i => nodes[i.Name]).Distinct(System.StringComparer.Ordinal).ToList();
    }

    internal static void Check(SystemModel model, ModelIndex index, DiagnosticBag diagnostics)
    {
        foreach (var setting in model.Settings)
        {
            if (setting.Attribute != Node || index.ComponentOf(setting.Instance) is not { } component
                || component.Attributes.Any(a => a.Name == Node))
            {
                continue; // not an instance's setting, or the component declares an attribute of that name
            }

            if (setting.Value is not StringValue { Value.Length: > 0 })
            {
                diagnostics.Report(DiagnosticDescriptors.InvalidNodeSetting, setting.Location, $"'{setting.Instance}.{Node}' must be a non-empty string naming a node, not {setting.Value.Describe()}");
            }
            else if (component.IsHardware)
            {
                diagnostics.Report(
                    DiagnosticDescriptors.HardwareMoved,
                    setting.Location,
                    $"'{setting.Instance}' is a hardware component (component {component.Name}) and cannot move: it runs on the node of the instances connected to it; place those instead");
            }
        }

        var reportedGroups = CheckConnections(model, index, diagnostics);
        CheckHardware(model, index, diagnostics);
        CheckGroups(model, index, reportedGroups, diagnostics);
    }

    // Returns the groups split by a reported connection, which CheckGroups then leaves alone (one mistake, one error).
    private static HashSet<string> CheckConnections(SystemModel model, ModelIndex index, DiagnosticBag diagnostics)
    {
        var reportedGroups = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var connection in model.Connections)
        {
            if (!index.Connectors.TryGetValue(connection.ConnectorName, out var connector)
                || connector.From.IsHardware || connector.To.IsHardware
                || connection.Ends.Any(e => index.ComponentOf(e.Instance) is { IsHardware: true }))
            {
                continue; // an unknown connector is reported while resolving; hardware is CheckHardware's
            }

            var entry = index.EntryOf(connection);
            var reason = entry is { NodeCrossing: NodeCrossing.Forbidden }
                ? Forbidden(entry)
                : entry is null && (connector.From.Kind == ConnectorEndKind.Dataport || connector.To.Kind == ConnectorEndKind.Dataport)
                    ? $"connector '{connector.Name}' shares memory"
                    : connection.Ends.FirstOrDefault(e => IsPassive(index, e)) is { } passive
                        ? $"'{passive.Instance}.{passive.Interface}' is passive, so its handler runs on the caller's thread"
                        : null;
            if (reason is null)
            {
                continue;
            }

            var first = connection.Ends.FirstOrDefault();
            if (first is null)
            {
                continue;
            }

            var firstNode = NodeOf(index, first.Instance);
            foreach (var end in connection.Ends.Skip(1))
            {
                var node = NodeOf(index, end.Instance);
                if (node != firstNode)
                {
                    diagnostics.Report(
                        DiagnosticDescriptors.ConnectionAcrossNodes,
                        end.Location,
                        $"connection '{connection.Name}' cannot cross nodes ({reason}), but '{first.Instance}.{first.Interface}' is on node '{firstNode}' and '{end.Instance}.{end.Interface}' on node '{node}'; place both on one node or use an RPC or notification connector");
                    if (index.InstanceOf(first.Instance)?.Group is { } group && index.InstanceOf(end.Instance)?.Group == group)
                    {
                        reportedGroups.Add(group);
                    }

                    break;
                }
            }
        }

        return reportedGroups;
    }

    private static string Forbidden(ConnectorEntry entry) => entry switch
    {
        { IsPlainCall: true } => $"{entry.Name} is a plain call within one address space",
        { EndKind: ConnectorEndKind.Dataport } => $"connector '{entry.Name}' shares memory",
        _ => $"connector '{entry.Name}' works within one address space",
    };

    // A device is where it is: everything connected to one hardware instance must be on one node.
    private static void CheckHardware(SystemModel model, ModelIndex index, DiagnosticBag diagnostics)
    {
        var seen = new Dictionary<string, (ConnectionEndModel End, string Node)>(System.StringComparer.Ordinal);
        var reported = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var connection in model.Connections)
        {
            var hardware = connection.Ends.Where(e => index.ComponentOf(e.Instance) is { IsHardware: true }).Select(e => e.Instance).Distinct().ToList();
            foreach (var device in hardware)
            {
                foreach (var end in connection.Ends.Where(e => index.ComponentOf(e.Instance) is { IsHardware: false }))
                {
                    var node = NodeOf(index, end.Instance);
                    if (!seen.TryGetValue(device, out var first))
                    {
                        seen.Add(device, (end, node));
                    }
                    else if (first.Node != node && reported.Add(device))
                    {
                        diagnostics.Report(
                            DiagnosticDescriptors.HardwareMoved,
                            end.Location,
                            $"hardware component '{device}' cannot move, but '{first.End.Instance}.{first.End.Interface}' connected to it is on node '{first.Node}' and '{end.Instance}.{end.Interface}' on node '{node}'; place both on one node");
                    }
                }
            }
        }
    }

    // A group is one address space, so one process: its instances share a node.
    private static void CheckGroups(SystemModel model, ModelIndex index, HashSet<string> reportedGroups, DiagnosticBag diagnostics)
    {
        foreach (var group in model.Instances.Where(i => i.Group is not null).GroupBy(i => i.Group!, System.StringComparer.Ordinal))
        {
            if (reportedGroups.Contains(group.Key))
            {
                continue;
            }

            var first = group.First();
            var firstNode = NodeOf(index, first.Name);
            if (group.FirstOrDefault(i => NodeOf(index, i.Name) != firstNode) is { } other)
            {
                var setting = index.SettingOf(other.Name, Node) ?? index.SettingOf(first.Name, Node);
                diagnostics.Report(
                    DiagnosticDescriptors.ConnectionAcrossNodes,
                    setting?.Location ?? other.Location,
                    $"group '{group.Key}' is one address space and cannot cross nodes, but '{first.Name}' is on node '{firstNode}' and '{other.Name}' on node '{NodeOf(index, other.Name)}'; place the group's instances on one node");
            }
        }
    }

    private static bool IsPassive(ModelIndex index, ConnectionEndModel end) =>
        index.Setting(end.Instance, end.Interface + "_passive") is BooleanValue { Value: true } or IntegerValue { Value: 1 };

    private static string NodeOf(ModelIndex index, string instance) =>
        index.ComponentOf(instance) is { IsHardware: true } ? DefaultNode : DeclaredNode(index, instance) ?? DefaultNode;

    private static string? DeclaredNode(ModelIndex index, string instance) =>
        index.ComponentOf(instance) is { } component && component.Attributes.All(a => a.Name != Node)
            && index.Setting(instance, Node) is StringValue { Value.Length: > 0 } value
            ? value.Value
            : null;
}
