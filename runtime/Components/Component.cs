namespace UxRt.Camkes.Runtime.Components;

/// <summary>
/// The base of every generated component base class. The runtime drives the lifecycle:
/// <see cref="Init"/> on every instance first, then <see cref="Run"/> on the control thread of
/// each component that declares <c>control;</c>. A restart after a fault calls both again.
/// </summary>
public abstract class Component
{
    private Action? _requestSystemStop;

    /// <summary>The instance name from the specification (for example <c>client</c>).</summary>
    public string InstanceName { get; internal set; } = string.Empty;

    /// <summary>Signalled when the system is stopping; long-running <see cref="Run"/> loops should watch it.</summary>
    protected CancellationToken StopRequested { get; private set; }

    /// <summary>Asks the kernel to stop the whole system in order, as Ctrl+C would; returns at once.</summary>
    protected void RequestSystemStop() => _requestSystemStop?.Invoke();

    /// <summary>
    /// Called before any control thread of the system starts, and again when the instance is
    /// restarted after a fault, so it should (re)set the component's state. Interfaces may not be
    /// called yet.
    /// </summary>
    protected internal virtual void Init()
    {
    }

    /// <summary>The body of the control thread; only called for components that declare <c>control;</c>.</summary>
    protected internal virtual void Run()
    {
    }

    internal void Attach(string instanceName, CancellationToken stopRequested, Action requestSystemStop)
    {
        InstanceName = instanceName;
        StopRequested = stopRequested;
        _requestSystemStop = requestSystemStop;
    }
}
