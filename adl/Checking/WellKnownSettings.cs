using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl.Model;
using UxRt.Camkes.Adl.Syntax;

namespace UxRt.Camkes.Adl.Checking;

/// <summary>
/// The settings CAmkES (and this project) understand without an <c>attribute</c> declaration,
/// and the values each may take. Per-interface settings are written <c>&lt;iface&gt;_suffix</c>.
/// </summary>
internal static class WellKnownSettings
{
    private const int MaxPriority = 255;

    private static readonly HashSet<string> PriorityNames = new(System.StringComparer.Ordinal) { "priority", "_priority", "max_priority", "_max_priority" };
    private static readonly HashSet<string> AffinityNames = new(System.StringComparer.Ordinal) { "affinity", "_affinity" };
    private static readonly HashSet<string> StackNames = new(System.StringComparer.Ordinal) { "stack_size", "_stack_size" };
    private static readonly HashSet<string> HeapNames = new(System.StringComparer.Ordinal) { "heap_size", "_heap_size" };

    // Accepted as CAmkES uses them, with no check of their value here.
    private static readonly HashSet<string> OtherNames = new(System.StringComparer.Ordinal)
    {
        "threading", "domain", "_domain", "cnode_size_bits", "_cnode_size_bits", "simple", "dma_pool", "dma_pool_paddr",
        "period", "_period", "budget", "_budget", "data", "_data", "sc_size_bits", "asid_pool", "debug",
    };

    private static readonly string[] OtherPrefixes = { "untyped", "simple_untyped", "_untyped", "random" };

    public static readonly string[] Threadings = { "native", "unicore" };

    /// <summary>
    /// CAmkES's <c>environment</c>: the language runtime the instance's code is written for, compared
    /// without case as camkes-gen.cmake does (C is the default). Here every component is C#; a
    /// CakeML one is accepted as a marker (its code is single-threaded: give it <c>threading = "unicore"</c>).
    /// </summary>
    public static readonly string[] Environments = { "C", "CakeML" };

    /// <summary>A unicore instance's watchdog limit: how long one work item may hold its virtual CPU (this project's extension).</summary>
    public const string CpuHoldLimit = "cpu_hold_limit_ms";

    /// <summary>What the runtime does when an instance faults (this project's extension).</summary>
    public static readonly string[] FaultPolicies = { "continue", "restart", "stop" };

    /// <summary>True when <paramref name="attribute"/> needs no declaration on a component with these interfaces.</summary>
    public static bool IsKnown(string attribute, IReadOnlyCollection<(string Name, InterfaceKind Kind)> interfaces) =>
        PriorityNames.Contains(attribute) || AffinityNames.Contains(attribute) || StackNames.Contains(attribute)
        || HeapNames.Contains(attribute) || OtherNames.Contains(attribute) || attribute is "environment" or "fault_policy" or "fault_handler" or CpuHoldLimit or MigrationRule.Migratable or PlacementRule.Node
        || OtherPrefixes.Any(p => attribute.StartsWith(p, System.StringComparison.Ordinal))
        || InterfaceOf(attribute, interfaces) is not null;

    /// <summary>Why <paramref name="value"/> is wrong for <paramref name="attribute"/>, or null when it is fine or not a well-known setting.</summary>
    public static string? Validate(string attribute, ConfigValue value, IReadOnlyCollection<(string Name, InterfaceKind Kind)> interfaces)
    {
        if (PriorityNames.Contains(attribute))
        {
            return InRange(value, 0, MaxPriority);
        }

        if (AffinityNames.Contains(attribute))
        {
            return InRange(value, 0, 1023);
        }

        if (StackNames.Contains(attribute))
        {
            return InRange(value, 1, int.MaxValue);
        }

        if (HeapNames.Contains(attribute))
        {
            return InRange(value, 0, int.MaxValue);
        }

        if (attribute == "threading")
        {
            return OneOf(value, Threadings);
        }

        if (attribute == "environment")
        {
            return value is StringValue env && Environments.Any(e => string.Equals(e, env.Value, System.StringComparison.OrdinalIgnoreCase))
                ? null
                : $"must be one of {string.Join(", ", Environments.Select(e => "\"" + e + "\""))} (in any case), not {value.Describe()}";
        }

        if (attribute == CpuHoldLimit)
        {
            return InRange(value, 1, 3_600_000);
        }

        if (attribute == "fault_policy")
        {
            return OneOf(value, FaultPolicies);
        }

        if (attribute == "fault_handler")
        {
            return value is StringValue { Value.Length: > 0 } ? null : $"must name the instance that handles the faults, not {value.Describe()}";
        }

        if (InterfaceOf(attribute, interfaces) is not { } port)
        {
            return null;
        }

        var suffix = attribute.Substring(port.Name.Length + 1);
        switch (suffix)
        {
            case "priority":
                return InRange(value, 0, MaxPriority);
            case "affinity":
                return InRange(value, 0, 1023);
            case "stack_size":
                return InRange(value, 1, int.MaxValue);
            case "passive":
                return value is BooleanValue or IntegerValue { Value: 0 or 1 } ? null : $"must be true or false, not {value.Describe()}";
            case "access" when port.Kind == InterfaceKind.Dataport:
                return value is StringValue { Value.Length: > 0 } access && access.Value.All(c => "RWXPrwxp".IndexOf(c) >= 0)
                    ? null
                    : $"must be a string of access rights from R, W, X and P (such as \"R\" or \"RW\"), not {value.Describe()}";
            case "value" when port.Kind == InterfaceKind.Semaphore:
                return InRange(value, 0, int.MaxValue);
            case "value" when port.Kind == InterfaceKind.BinarySemaphore:
                return InRange(value, 0, 1);
            default:
                return null;
        }
    }

    private static (string Name, InterfaceKind Kind)? InterfaceOf(string attribute, IReadOnlyCollection<(string Name, InterfaceKind Kind)> interfaces)
    {
        // The longest matching name wins, so `rx_buf_access` belongs to `rx_buf` rather than `rx`.
        (string Name, InterfaceKind Kind)? best = null;
        foreach (var port in interfaces)
        {
            if (attribute.Length > port.Name.Length + 1 && attribute[port.Name.Length] == '_'
                && attribute.StartsWith(port.Name, System.StringComparison.Ordinal)
                && (best is null || port.Name.Length > best.Value.Name.Length))
            {
                best = port;
            }
        }

        return best;
    }

    private static string? OneOf(ConfigValue value, string[] allowed) =>
        value is StringValue s && allowed.Contains(s.Value)
            ? null
            : $"must be one of {string.Join(", ", allowed.Select(a => "\"" + a + "\""))}, not {value.Describe()}";

    private static string? InRange(ConfigValue value, long min, long max) =>
        value is IntegerValue i && i.Value >= min && i.Value <= max
            ? null
            : $"must be an integer from {min} to {max}, not {value.Describe()}";
}
