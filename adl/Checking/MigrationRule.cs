using System.Linq;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Model;
using UxRt.Camkes.Adl.Syntax;

namespace UxRt.Camkes.Adl.Checking;

/// <summary>
/// <c>inst.migratable</c> and <c>inst.&lt;iface&gt;_migratable</c>: whether the idle-core balancer may
/// move the instance's virtual CPU or native threads (the instance setting), or one provided
/// interface's thread (the per-interface one), even when <c>affinity</c> pins it. The value must be
/// a boolean (ADL0030); a per-interface setting that can have no effect is a warning (ADL0031).
/// </summary>
internal static class MigrationRule
{
    public const string Migratable = "migratable";
    private const string Suffix = "_migratable";

    public static void Check(SystemModel model, ModelIndex index, DiagnosticBag diagnostics)
    {
        foreach (var setting in model.Settings)
        {
            if (index.ComponentOf(setting.Instance) is not { } component
                || !setting.Attribute.EndsWith(Migratable, System.StringComparison.Ordinal)
                || component.Attributes.Any(a => a.Name == setting.Attribute))
            {
                continue; // not an instance's setting, not ours, or the component declares an attribute of that name
            }

            InterfaceModel? port = null;
            if (setting.Attribute != Migratable)
            {
                if (!setting.Attribute.EndsWith(Suffix, System.StringComparison.Ordinal))
                {
                    continue;
                }

                var name = setting.Attribute.Substring(0, setting.Attribute.Length - Suffix.Length);
                port = component.Interfaces.FirstOrDefault(i => i.Name == name);
                if (port is null)
                {
                    continue; // an unknown interface is reported while resolving (ADL0016)
                }
            }

            var key = $"'{setting.Instance}.{setting.Attribute}'";
            if (setting.Value is not (BooleanValue or IntegerValue { Value: 0 or 1 }))
            {
                diagnostics.Report(DiagnosticDescriptors.InvalidMigratableSetting, setting.Location, $"{key} must be true or false, not {setting.Value.Describe()}");
                continue;
            }

            if (port is not null && NoEffect(index, setting.Instance, port) is { } reason)
            {
                diagnostics.Report(DiagnosticDescriptors.MigratableWithoutEffect, setting.Location, $"{key} has no effect: {reason}");
            }
        }
    }

    // Only an interface thread of its own can move: a provided interface of a native instance, not passive.
    private static string? NoEffect(ModelIndex index, string instance, InterfaceModel port)
    {
        if (port.Kind != InterfaceKind.Provides)
        {
            return $"'{port.Name}' is not a provided interface, so it has no interface thread";
        }

        if (IsUnicore(index, instance))
        {
            return $"'{instance}' is unicore, so '{port.Name}' runs on its virtual CPU (use '{instance}.{Migratable}')";
        }

        return InterfaceThreadRules.IsPassive(index, instance, port.Name)
            ? $"'{port.Name}' is passive, so its handler runs on the caller's thread"
            : null;
    }

    private static bool IsUnicore(ModelIndex index, string instance) =>
        (index.Setting(instance, "threading") ?? index.ComponentOf(instance)?.Attributes.FirstOrDefault(a => a.Name == "threading")?.DefaultValue)
            is StringValue { Value: "unicore" };
}
