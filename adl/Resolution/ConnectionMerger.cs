using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Model;

namespace UxRt.Camkes.Adl.Resolution;

/// <summary>
/// CAmkES's stage 9: connections that share an end are one connection. Two clients connected
/// to one server interface by separate lines become one connection with both clients, which the
/// connector must then allow (ADL0010). An end shared on different sides, or by connections of
/// different connectors, cannot be merged (ADL0011).
/// </summary>
internal static class ConnectionMerger
{
    public static List<ConnectionModel> Merge(List<ConnectionModel> connections, DiagnosticBag diagnostics)
    {
        // Union-find over connections, joined by the ends they share.
        var parent = Enumerable.Range(0, connections.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        var owner = new Dictionary<(string, string), (int Connection, ConnectionEndModel End)>();
        for (var i = 0; i < connections.Count; i++)
        {
            foreach (var end in connections[i].Ends)
            {
                var key = (end.Instance, end.Interface);
                if (!owner.TryGetValue(key, out var first))
                {
                    owner.Add(key, (i, end));
                    continue;
                }

                if (first.Connection == i)
                {
                    continue; // Twice in one connection: ConnectionRules reports it.
                }

                var other = connections[first.Connection];
                if (first.End.Role != end.Role || other.ConnectorName != connections[i].ConnectorName)
                {
                    var why = first.End.Role != end.Role ? "on different sides" : $"with different connectors ('{other.ConnectorName}' and '{connections[i].ConnectorName}')";
                    diagnostics.Report(
                        DiagnosticDescriptors.InterfaceConnectedTwice,
                        end.Location,
                        $"'{end.Instance}.{end.Interface}' is already connected by connection '{other.Name}'; connections that share an end merge into one, which they cannot {why}");
                    continue;
                }

                parent[Find(i)] = Find(first.Connection);
            }
        }

        var merged = new List<ConnectionModel>();
        foreach (var group in Enumerable.Range(0, connections.Count).GroupBy(Find))
        {
            var members = group.Select(i => connections[i]).ToList();
            if (members.Count == 1)
            {
                merged.Add(members[0]);
                continue;
            }

            // The first connection written names the merged one; ends keep their written order, and
            // an end repeated inside one connection stays repeated so that ConnectionRules reports it.
            var seen = new HashSet<(string, string)>();
            var ends = new List<ConnectionEndModel>();
            foreach (var member in members)
            {
                ends.AddRange(member.Ends.Where(e => !seen.Contains((e.Instance, e.Interface))));
                seen.UnionWith(member.Ends.Select(e => (e.Instance, e.Interface)));
            }

            merged.Add(members[0] with { Ends = ends.ToEquatableArray() });
        }

        return merged;
    }
}
