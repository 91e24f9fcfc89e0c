using System.Reflection;
using UxRt.Camkes.Runtime.Components;

namespace UxRt.Camkes.Runtime.Kernel;

/// <summary>
/// Names the user method a thread runs, as the user wrote it (<c>Server.Add</c>, <c>Client.Run</c>),
/// for the stop report. Only used when a stop reports stuck threads, never on a call's path.
/// </summary>
internal static class UserMethods
{
    /// <summary>
    /// The component's handler of spec method <paramref name="specName"/> of <paramref name="interfaceName"/>:
    /// the method the generated base class declares for it (<c>calc.add_all</c> → <c>Server.CalcAddAll</c>,
    /// or <c>CalcAddAllAsync</c> in a unicore component), found on the component's own type so the name
    /// is the one the user wrote. A component with no such method (a hand-wired dispatcher) is named
    /// with the spec method alone (<c>Server.AddAll</c>).
    /// </summary>
    public static string Handler(Component component, string interfaceName, string specName)
    {
        var type = component.GetType();
        var handler = Squashed(interfaceName + specName);
        var declared = type.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .FirstOrDefault(m => Squashed(m.Name) == handler || Squashed(m.Name) == handler + "async");
        return declared is not null ? $"{type.Name}.{declared.Name}" : $"{type.Name}.{Pascal(specName)}";
    }

    // The generated name's letters without its casing and separators: `add_all` and `AddAll` are alike.
    private static string Squashed(string name) => name.Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();

    private static string Pascal(string specName) =>
        string.Concat(specName.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(word => char.ToUpperInvariant(word[0]) + word[1..]));

    /// <summary>The control thread's body: <c>RunAsync</c> when the component overrides it, else <c>Run</c>.</summary>
    public static string Control(Component component)
    {
        var runAsync = component.GetType().GetMethod(nameof(Component.RunAsync), BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public, Type.EmptyTypes);
        return $"{component.GetType().Name}.{(runAsync?.DeclaringType == typeof(Component) ? nameof(Component.Run) : nameof(Component.RunAsync))}";
    }

    /// <summary>A thread's body delegate, unless the compiler named it (a lambda): then the component and the thread's name.</summary>
    public static string Body(Component component, Delegate body, string threadName) =>
        body.Method.Name.Contains('<', StringComparison.Ordinal)
            ? $"{component.GetType().Name}'s thread {threadName}"
            : $"{body.Method.DeclaringType?.Name}.{body.Method.Name}";
}
