namespace UxRt.Camkes.Runtime.Notifications;

/// <summary>
/// Where a notification's callback runs: the consumer's event thread (<see cref="EventLoop"/>) or,
/// for seL4NotificationBind, the interface thread of the endpoint the notification is bound to.
/// </summary>
internal interface ICallbackRunner
{
    /// <summary>A callback was registered: from now on each signal reaches it on this runner's thread.</summary>
    void Watch(Notification notification);

    /// <summary>The callback was unregistered: signals stay in the notification's word again.</summary>
    void Unwatch(Notification notification);
}
