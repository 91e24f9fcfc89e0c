using UxRt.Camkes.Runtime.Notifications;

namespace UxRt.Camkes.Runtime.Transport;

/// <summary>What woke a <see cref="PollSet"/>: a transport endpoint (with <see cref="PollEvents"/> bits) or a notification (with its badge bits).</summary>
public readonly record struct PollEvent(object Source, int Events)
{
    /// <summary>The transport endpoint that became ready, or null when a notification fired.</summary>
    public TransportClient? Endpoint => Source as TransportClient;

    /// <summary>The notification that fired, or null when a transport endpoint became ready.</summary>
    public Notification? Notification => Source as Notification;
}
