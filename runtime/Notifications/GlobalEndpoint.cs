using System.ComponentModel;
using UxRt.Camkes.Runtime.Notifications;

namespace UxRt.Camkes.Runtime.Glue;

/// <summary>
/// An instance's global endpoint (global-components' <c>from_global_endpoint</c>/<c>to_global_endpoint</c>):
/// the one notification that its seL4GlobalAsynch and seL4GlobalAsynchCallback <c>consumes</c> end
/// waits on and that other connectors, such as seL4VirtQueues, signal to wake it. Connectors wired
/// before the instance's consuming end is get the endpoint first and reach the notification once it
/// is attached; a signal to an instance that consumes nothing is dropped, as a signal to a
/// notification nobody waits on changes nothing.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GlobalEndpoint
{
    private Notification? _notification;

    public GlobalEndpoint(string instance) => Instance = instance;

    public string Instance { get; }

    /// <summary>The notification the instance waits on, once its consuming end is wired.</summary>
    public Notification? Notification => Volatile.Read(ref _notification);

    /// <summary>Signals the instance's notification with <paramref name="badge"/>. Never blocks.</summary>
    public void Signal(int badge = 1) => Notification?.Signal(badge);

    /// <summary>Makes <paramref name="notification"/> the endpoint, or returns the one already attached (one per instance, as in CAmkES).</summary>
    internal Notification Attach(Notification notification) =>
        Interlocked.CompareExchange(ref _notification, notification, null) ?? notification;
}
