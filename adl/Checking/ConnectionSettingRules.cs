using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Model;
using UxRt.Camkes.Adl.Syntax;

namespace UxRt.Camkes.Adl.Checking;

/// <summary>
/// Settings on a connection's name (<c>c1.buffer = "d1";</c>). CAmkES keeps them in the
/// configuration for the connector's templates, which read what they need (a user connector's
/// templates may read any), so a name is never unknown. <c>buffer</c> backs an RPC connection with
/// a user dataport (testdataportrpc); camkes-tool's seL4RPCCall templates reject a buffer that
/// cannot do so, and so does this rule, each failure an ADL0017 at the setting instead of silence.
/// </summary>
internal static class ConnectionSettingRules
{
    public static void Check(SystemModel model, ModelIndex index, DiagnosticBag diagnostics)
    {
        var connections = model.Connections.GroupBy(c => c.Name, System.StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), System.StringComparer.Ordinal);
        foreach (var setting in model.Settings)
        {
            if (setting.Attribute != "buffer" || index.InstanceOf(setting.Instance) is not null || !connections.TryGetValue(setting.Instance, out var connection))
            {
                continue;
            }

            index.Connectors.TryGetValue(connection.ConnectorName, out var connector);
            if (connector is { From.Kind: ConnectorEndKind.Procedure } && BufferProblem(connection, setting.Value, connections, index) is { } problem)
            {
                diagnostics.Report(DiagnosticDescriptors.InvalidSettingValue, setting.Location, $"'{connection.Name}.buffer' {problem}");
            }
        }
    }

    // The checks of seL4RPCCall-from.template.c, in its order.
    private static string? BufferProblem(ConnectionModel rpc, ConfigValue value, IReadOnlyDictionary<string, ConnectionModel> connections, ModelIndex index)
    {
        if (value is not StringValue { Value: var name })
        {
            return "must be a string: the name of the dataport connection that carries the RPC's messages";
        }

        if (!IsOneToOne(rpc))
        {
            return "backs an RPC connection with a dataport, which needs exactly one 'from' and one 'to' end";
        }

        if (!connections.TryGetValue(name, out var buffer))
        {
            return $"names '{name}', which is not a connection of the system";
        }

        if (!IsOneToOne(buffer))
        {
            return $"names '{name}', which must have exactly one 'from' and one 'to' end to back an RPC connection";
        }

        var from = buffer.Ends.First(e => e.Role == ConnectorEndRole.From);
        return index.InterfaceOf(from.Instance, from.Interface) is { Kind: InterfaceKind.Dataport }
            ? null
            : $"names '{name}', which does not connect dataports";
    }

    private static bool IsOneToOne(ConnectionModel connection) =>
        connection.Ends.Count(e => e.Role == ConnectorEndRole.From) == 1 && connection.Ends.Count(e => e.Role == ConnectorEndRole.To) == 1;
}
