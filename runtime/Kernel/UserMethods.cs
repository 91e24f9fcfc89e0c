using System.Reflection;
using UxRt.Camkes.Runtime.Components;

namespace UxRt.Camkes.Runtime.Kernel;

/// <summary>
/// Names the user method a thread runs, as the user wrote it (<c>Server.Add</c>, <c>Client.Run</c>),
/// for the stop report. Only used when a stop reports stuck threads, never on a call's path.
/// </summary>
internal static class UserMethods
{
    /// <summary>The component method generated for spec method <paramref name="specName"/> (<c>add_all</c> → <c>Server.AddAll</c>).</summary>
    public static string Handler(Component component, string specName)
    {
        var words = specName.Split('_', StringSplitOptions.RemoveEmptyEntries);
        var method = string.Concat(words.Select(word => char.ToUpperInvariant(word[0]) + word[1..]));
        return $"{component.GetType().Name}.{method}";
    }

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
