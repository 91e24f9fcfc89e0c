using System.Linq;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Model;

namespace UxRt.Camkes.Adl.Checking;

/// <summary>
/// One component type, one threading model (ADL0027): the generated base class of a unicore
/// component offers awaitable ends and a native one blocking ends, so instances of one type that
/// disagree cannot share it.
/// </summary>
internal static class ThreadingRule
{
    public static void Check(SystemModel model, ModelIndex index, DiagnosticBag diagnostics)
    {
        foreach (var instances in model.Instances.GroupBy(i => i.ComponentType, System.StringComparer.Ordinal))
        {
            var threadings = instances.Select(i => (Instance: i, Threading: ThreadingOf(i, index))).ToList();
            if (threadings.Select(t => t.Threading).Distinct(System.StringComparer.Ordinal).Count() < 2)
            {
                continue;
            }

            var first = threadings[0];
            foreach (var odd in threadings.Where(t => t.Threading != first.Threading))
            {
                var location = index.SettingOf(odd.Instance.Name, "threading")?.Location ?? odd.Instance.Location;
                diagnostics.Report(
                    DiagnosticDescriptors.MixedThreading,
                    location,
                    $"instance '{odd.Instance.Name}' of component {instances.Key} is {odd.Threading} but '{first.Instance.Name}' is {first.Threading}; "
                    + "the generated base class has one threading model, so give every instance the same one or declare a second component type");
            }
        }
    }

    /// <summary>The instance's threading: its setting, else its component's attribute default, else native.</summary>
    public static string ThreadingOf(InstanceModel instance, ModelIndex index)
    {
        var value = index.Setting(instance.Name, "threading")
            ?? index.ComponentOf(instance.Name)?.Attributes.FirstOrDefault(a => a.Name == "threading")?.DefaultValue;
        return value is StringValue text ? text.Value : "native";
    }
}
