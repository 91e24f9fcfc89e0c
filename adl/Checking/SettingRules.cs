using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Model;
using UxRt.Camkes.Adl.Syntax;

namespace UxRt.Camkes.Adl.Checking;

/// <summary>
/// Validates the values of well-known settings — priorities 0–255, affinities, stack and heap
/// sizes, dataport access rights, semaphore initial values, threading models (ADL0017).
/// </summary>
internal static class SettingRules
{
    public static void Check(SystemModel model, ModelIndex index, DiagnosticBag diagnostics)
    {
        var interfacesByComponent = new Dictionary<string, List<(string Name, InterfaceKind Kind)>>(System.StringComparer.Ordinal);
        foreach (var setting in model.Settings)
        {
            if (index.ComponentOf(setting.Instance) is not { } component)
            {
                continue; // A connection's setting: its meaning belongs to the connector.
            }

            if (!interfacesByComponent.TryGetValue(component.Name, out var interfaces))
            {
                interfaces = component.Interfaces.Select(i => (i.Name, i.Kind)).ToList();
                interfacesByComponent.Add(component.Name, interfaces);
            }

            if (WellKnownSettings.Validate(setting.Attribute, setting.Value, interfaces) is { } problem)
            {
                diagnostics.Report(DiagnosticDescriptors.InvalidSettingValue, setting.Location, $"'{setting.Instance}.{setting.Attribute}' {problem}");
            }
        }
    }
}
