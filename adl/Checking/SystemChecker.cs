using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl.Connectors;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Model;

namespace UxRt.Camkes.Adl.Checking;

/// <summary>
/// Stage "Check": rules over the resolved model that are not about names (those are reported
/// while resolving). Every rule reports and carries on, so all problems come out in one pass.
/// </summary>
public static class SystemChecker
{
    /// <param name="catalog">What each connector is.</param>
    /// <param name="alsoConnected">Interfaces named by connections that resolution had to leave out.</param>
    public static void Check(SystemModel model, ConnectorCatalog catalog, DiagnosticBag diagnostics, IReadOnlyCollection<(string Instance, string Interface)> alsoConnected)
    {
        foreach (var component in model.Components.Where(c => c.IsControl && c.IsHardware))
        {
            diagnostics.Report(DiagnosticDescriptors.ControlWithHardware, component.Location, component.Name);
        }

        var index = new ModelIndex(model, catalog);
        ConnectionRules.Check(model, index, alsoConnected, diagnostics);
        SettingRules.Check(model, index, diagnostics);
        ConnectionSettingRules.Check(model, index, diagnostics);
        ThreadingRule.Check(model, index, diagnostics);
        MigrationRule.Check(model, index, diagnostics);
        InterfaceThreadRules.Check(model, index, diagnostics);
        PlacementRule.Check(model, index, diagnostics);
        CallCycleRule.Check(model, index, diagnostics);
        CKeywordRule.Check(model, diagnostics);
        TransportRules.Check(model, index, diagnostics);
    }
}
