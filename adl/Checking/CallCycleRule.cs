using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Model;
using UxRt.Camkes.Adl.Syntax;

namespace UxRt.Camkes.Adl.Checking;

/// <summary>
/// Beyond CAmkES: warns about a cycle of synchronous calls (ADL0019). When instance a calls b
/// and b, while serving it, may call back into a, each can end up waiting for the other's
/// interface thread: a deadlock waiting to happen. An interface set <c>&lt;iface&gt;_passive = true</c>
/// runs on its caller's thread and so breaks the cycle.
/// </summary>
internal static class CallCycleRule
{
    private readonly record struct Edge(int To, ConnectionModel Connection);

    public static void Check(SystemModel model, ModelIndex index, DiagnosticBag diagnostics)
    {
        var names = model.Instances.Select(i => i.Name).ToList();
        var ids = new Dictionary<string, int>(System.StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            ids[names[i]] = i;
        }

        var edges = BuildEdges(model, index, ids);
        foreach (var component in StronglyConnectedComponents(edges))
        {
            var cycle = FindCycle(component, edges);
            if (cycle.Count == 0)
            {
                continue;
            }

            var path = string.Join(" -> ", cycle.Select(e => names[e.From]).Concat(new[] { names[cycle[0].From] }));
            var via = string.Join(", ", cycle.Select(e => e.Edge.Connection.Name).Distinct());
            diagnostics.Report(
                DiagnosticDescriptors.SynchronousCallCycle,
                cycle[0].Edge.Connection.Location,
                $"synchronous calls form a cycle: {path} (connections {via}); a call that goes round it waits for itself and deadlocks. Break the cycle or mark an interface '<iface>_passive = true'");
        }
    }

    private static List<Edge>[] BuildEdges(SystemModel model, ModelIndex index, Dictionary<string, int> ids)
    {
        var edges = new List<Edge>[ids.Count];
        for (var i = 0; i < edges.Length; i++)
        {
            edges[i] = new List<Edge>();
        }

        foreach (var connection in model.Connections)
        {
            if (!index.Connectors.TryGetValue(connection.ConnectorName, out var connector) || connector.From.Kind != ConnectorEndKind.Procedure)
            {
                continue;
            }

            foreach (var caller in connection.Ends.Where(e => e.Role == ConnectorEndRole.From))
            {
                foreach (var callee in connection.Ends.Where(e => e.Role == ConnectorEndRole.To))
                {
                    if (ids.TryGetValue(caller.Instance, out var from) && ids.TryGetValue(callee.Instance, out var to) && !IsPassive(index, callee))
                    {
                        edges[from].Add(new Edge(to, connection));
                    }
                }
            }
        }

        return edges;
    }

    private static bool IsPassive(ModelIndex index, ConnectionEndModel callee) =>
        index.Setting(callee.Instance, callee.Interface + "_passive") is BooleanValue { Value: true } or IntegerValue { Value: 1 };

    /// <summary>Tarjan's algorithm, iterative so that long call chains cannot overflow the stack.</summary>
    private static List<List<int>> StronglyConnectedComponents(List<Edge>[] edges)
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
                    var target = edges[node][edge].To;
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

    /// <summary>A shortest cycle through the component's first-declared instance, or nothing for a lone instance that does not call itself.</summary>
    private static List<(int From, Edge Edge)> FindCycle(List<int> component, List<Edge>[] edges)
    {
        var members = new HashSet<int>(component);
        var start = component.Min();
        var cameFrom = new Dictionary<int, (int From, Edge Edge)>();
        var queue = new Queue<int>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var edge in edges[node].Where(e => members.Contains(e.To)))
            {
                if (edge.To == start)
                {
                    var cycle = new List<(int From, Edge Edge)> { (node, edge) };
                    for (var at = node; at != start; at = cameFrom[at].From)
                    {
                        cycle.Add(cameFrom[at]);
                    }

                    cycle.Reverse();
                    return cycle;
                }

                if (!cameFrom.ContainsKey(edge.To))
                {
                    cameFrom[edge.To] = (node, edge);
                    queue.Enqueue(edge.To);
                }
            }
        }

        return new List<(int From, Edge Edge)>();
    }
}
