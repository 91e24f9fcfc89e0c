using UxRt.Camkes.Runtime.Faults;

namespace UxRt.Camkes.Runtime.Notifications;

/// <summary>
/// A component's event thread: runs the callbacks registered on its notifications, so that a
/// callback never runs on the emitter's thread. One set covers every watched notification.
/// </summary>
public sealed class EventLoop
{
    private readonly NotificationSet _watched = new();

    public EventLoop(string instance) => Instance = instance;

    public string Instance { get; }

    /// <summary>
    /// The event thread's body: delivers signals to callbacks until <paramref name="stop"/> is
    /// cancelled. A callback's exception goes to <paramref name="fault"/> and the loop carries on.
    /// </summary>
    public void Run(Action<Exception> fault, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            NotificationSignal signal;
            try
            {
                signal = _watched.Wait(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }

            try
            {
                signal.Source.Deliver(signal.Bits);
            }
            catch (Exception exception)
            {
                fault(new CallbackFaultException(signal.Source.Name, exception));
            }
        }
    }

    internal void Watch(Notification notification) => _watched.Add(notification);

    internal void Unwatch(Notification notification) => _watched.Remove(notification);
}
