using UxRt.Camkes.Runtime.Notifications;

namespace UxRt.Camkes.Runtime.Rpc;

/// <summary>
/// A signal of a notification bound to an endpoint (seL4NotificationBind). It is queued among the
/// endpoint's calls, which is why it is a frame, so the interface thread that takes it runs the
/// callback between two calls and never during one. One per bound notification, reused: the
/// notification queues it again only once a delivery has taken its bits.
/// </summary>
internal sealed class BoundSignal(Notification notification, Action<Exception> fault) : CallFrame
{
    /// <summary>Runs the callback with the pending bits, if a delivery before this one has not taken them.</summary>
    public void Deliver()
    {
        if (notification.Poll() is var bits and not 0)
        {
            notification.Deliver(bits, fault);
        }
    }

    /// <summary>Like <see cref="Deliver"/> on a lightweight interface thread, which awaits an awaitable callback.</summary>
    public ValueTask DeliverAsync() => notification.Poll() is var bits and not 0 ? notification.DeliverAsync(bits, fault) : default;
}
