using System.ComponentModel;

namespace UxRt.Camkes.Runtime.Glue;

/// <summary>
/// Hands an instance's configured attribute values to its generated base class while the instance
/// is being constructed (through DI, whose constructor call the system cannot add arguments to), so
/// the attribute properties stay read-only and already hold their values in the user's constructor.
/// Generated code uses this; component code does not.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ComponentActivation
{
    [ThreadStatic]
    private static object? t_pending;

    /// <summary>The values for the instance under construction on this thread, taken once; null when there are none (an instance made with <c>new</c>).</summary>
    public static TAttributes? Take<TAttributes>()
        where TAttributes : class
    {
        if (t_pending is not TAttributes attributes)
        {
            return null;
        }

        t_pending = null;
        return attributes;
    }

    internal static Scope Begin(object? attributes)
    {
        t_pending = attributes;
        return default;
    }

    /// <summary>Clears what no base class took (a component type without attributes).</summary>
    internal readonly struct Scope : IDisposable
    {
        public void Dispose() => t_pending = null;
    }
}
