using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Model;
using UxRt.Camkes.Adl.Syntax;

namespace UxRt.Camkes.Adl.Checking;

/// <summary>
/// Beyond CAmkES: points out a cycle of synchronous calls (ADL0019, an info). When instance a
/// calls b and b, while serving it, may call back into a, a call that comes round to an interface
/// thread already waiting further up the chain deadlocks. Whether one does depends on which
/// handler calls what, which a spec does not say: CAmkES's own testcamkes438 has such a cycle and
/// runs fine. So this is advice, not a warning; the runtime fails a call that really closes a cycle
/// with the cycle named. An interface set <c>&lt;iface&gt;_passive = true</c> runs on its caller's
/// thread and so breaks the cycle here.
/// </summary>
internal static class CallCycleRule
{
    /// <remarks>
    /// Each connection is a node between its callers and its callees, so a connection with many
    /// ends costs edges in proportion to its ends, not to their product.
    /// </remarks>
    public static void Check(SystemModel model, ModelIndex index, DiagnosticBag diagnostics)
    {
        var names = model.Instances.Select(i => i.Name).ToList();
        var ids = new Dictionary<string, int>(System.StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            ids[names[i]] = i;
        }

        var connections = model.Connections
            .Where(c => index.Connectors.TryGetValue(c.ConnectorName, out var connector) && connector.From.Kind == ConnectorEndKind.Procedure)
            .ToList();
        var edges = BuildEdges(connections, index, ids);
        foreach (var component in StronglyConnectedComponents(edges))
        {
            var cycle = FindCycle(component, edges);
            if (cycle.Count == 0)
            {
                continue;
            }

            var instances = cycle.Where(n => n < names.Count).Select(n => names[n]).ToList();
            var via = cycle.Where(n => n >= names.Count).Select(n => connections[n - names.Count]).ToList();
            diagnostics.Report(
                DiagnosticDescriptors.SynchronousCallCycle,
                via[0].Location,
                $"synchronous calls form a cycle: {string.Join(" -> ", instances.Concat(new[] { instances[0] }))} (connections {string.Join(", ", via.Select(c => c.Name))}); "
                + "a call that goes all the way round waits for itself, and the runtime then fails it as a deadlock. Break the cycle or mark an interface '<iface>_passive = true' if one can");
        }
    }

    private static List<int>[] BuildEdges(List<ConnectionModel> connections, ModelIndex index, Dictionary<string, int> ids)
    {
        var edges = new List<int>[ids.Count + connections.Count];
        for (var i = 0; i < edges.Length; i++)
        {
            edges[i] = new List<int>();
        }

        for (var c = 0; c < connections.Count; c++)
        {
            var node = ids.Count + c;
            foreach (var end in connections[c].Ends)
            {
                if (!ids.TryGetValue(end.Instance, out var instance))
                {
                    continue;
                }

                if (end.Role == ConnectorEndRole.From)
                {
                    edges[instance].Add(node);
                }
                else if (!IsPassive(index, end))
                {
                    edges[node].Add(instance);
                }
            }
        }

        return edges;
    }

    private static bool IsPassive(ModelIndex index, ConnectionEndModel callee) =>
        InterfaceThreadRules.IsPassive(index, callee.Instance, callee.Interface);

    /// <summary>Tarjan's algorithm, iterative so that long call chains cannot overflow the stack.</summary>
    private static List<List<int>> StronglyConnectedComponents(List<int>[] edges)
    {
        var count = edges.Length;
        var order = new int[count];
        var low = new int[count];
        var onStack = new bool[count];
        var visited = new bool[count];
        var stack = new Stack<int>();
        var result = new List<List<int>>();
        var next = 0;

        for (var root = 0; root < count; root++)
        {
            if (visited[root])
            {
                continue;
            }

            var work = new Stack<(int Node, int Edge)>();
            work.Push((root, 0));
            while (work.Count > 0)
            {
                var (node, edge) = work.Pop();
                if (edge == 0 && !visited[node])
                {
                    visited[node] = true;
                    order[node] = low[node] = next++;
                    stack.Push(node);
                    onStack[node] = true;
                }

                if (edge < edges[node].Count)
                {
                    work.Push((node, edge + 1));
                    var target = edges[node][edge];
                    if (!visited[target])
                    {
                        work.Push((target, 0));
                    }
                    else if (onStack[target])
                    {
                        low[node] = System.Math.Min(low[node], order[target]);
                    }

                    continue;
                }

                // All edges done: fold this node's low link into its caller's, and pop a finished component.
                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = System.Math.Min(low[parent], low[node]);
                }

                if (low[node] == order[node])
                {
                    var component = new List<int>();
                    int member;
                    do
                    {
                        member = stack.Pop();
                        onStack[member] = false;
                        component.Add(member);
                    }
                    while (member != node);
                    result.Add(component);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// A shortest cycle through the component's first-declared node (an instance, as instances
    /// are numbered first), as the nodes along it; empty for a component that holds no cycle.
    /// </summary>
    private static List<int> FindCycle(List<int> component, List<int>[] edges)
    {
        if (component.Count < 2)
        {
            return new List<int>();
        }

        var members = new HashSet<int>(component);
        var start = component.Min();
        var cameFrom = new Dictionary<int, int>();
        var queue = new Queue<int>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var target in edges[node].Where(members.Contains))
            {
                if (target == start)
                {
                    var cycle = new List<int>();
                    for (var at = node; at != start; at = cameFrom[at])
                    {
                        cycle.Add(at);
                    }

                    cycle.Add(start);
                    cycle.Reverse();
                    return cycle;
                }

                if (!cameFrom.ContainsKey(target))
                {
                    cameFrom[target] = node;
                    queue.Enqueue(target);
                }
            }
        }

        return new List<int>();
    }
}
