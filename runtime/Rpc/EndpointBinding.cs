using UxRt.Camkes.Runtime.Notifications;

namespace UxRt.Camkes.Runtime.Rpc;

/// <summary>
/// seL4NotificationBind: the callbacks of a notification bound to <paramref name="endpoint"/> run on
/// its interface thread (a lightweight one on a unicore server's CPU), interleaved with its calls,
/// as a notification bound to the TCB of a CAmkES interface thread wakes that thread's receive.
/// A callback's exception goes to <paramref name="fault"/>.
/// </summary>
internal sealed class EndpointBinding(Endpoint endpoint, Action<Exception> fault) : ICallbackRunner
{
    public void Watch(Notification notification)
    {
        var signal = new BoundSignal(notification, fault);
        notification.RouteWakeUps(() => endpoint.PostSignal(signal));
    }

    public void Unwatch(Notification notification) => notification.RouteWakeUps(null);
}
