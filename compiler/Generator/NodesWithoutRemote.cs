using System.Linq;
using UxRt.Camkes.Adl.Checking;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Model;

namespace UxRt.Camkes.Compiler.Generator;

/// <summary>
/// ADL0333: a spec that places instances on several nodes, built without UxRt.Camkes.Remote, can run
/// its nodes only together in one process; the warning says what to reference to run them apart.
/// </summary>
internal static class NodesWithoutRemote
{
    /// <summary>The warning, at the first <c>node</c> setting, or null when there is one node or the compilation references the package.</summary>
    public static AdlDiagnostic? Check(SystemModel model, bool remoteNodes)
    {
        if (remoteNodes)
        {
            return null;
        }

        var nodes = PlacementRule.NodeNames(model);
        var instances = new System.Collections.Generic.HashSet<string>(model.Instances.Select(i => i.Name), System.StringComparer.Ordinal);
        if (nodes.Count < 2 || model.Settings.FirstOrDefault(s => s.Attribute == PlacementRule.Node && instances.Contains(s.Instance)) is not { } first)
        {
            return null;
        }

        return AdlDiagnostic.Create(
            DiagnosticDescriptors.NodesWithoutRemote,
            first.Location,
            $"the system places instances on nodes {string.Join(", ", nodes.Select(n => $"'{n}'"))}, which run only together in one process: reference UxRt.Camkes.Remote to run each node as a separate process (RunNodeAsync)");
    }
}
