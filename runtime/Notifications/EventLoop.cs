using System.ComponentModel;
using UxRt.Camkes.Runtime.Notifications;

namespace UxRt.Camkes.Runtime.Glue;

/// <summary>
/// A component's event thread: runs the callbacks registered on its notifications, so that a
/// callback never runs on the emitter's thread. One set covers every watched notification. A
/// native component's event thread is an OS thread (<see cref="Run"/>); a unicore component's is a
/// lightweight thread on its CPU (<see cref="RunAsync"/>).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class EventLoop : ICallbackRunner
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

            Deliver(signal, fault);
        }
    }

    /// <summary>Like <see cref="Run"/>, awaiting signals instead of blocking: the event thread of a unicore component.</summary>
    public async Task RunAsync(Action<Exception> fault, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            NotificationSignal signal;
            try
            {
                signal = await _watched.WaitAsync(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }

            // An awaitable callback is awaited here: the next signal is delivered once it is done.
            await signal.Source.DeliverAsync(signal.Bits, fault);
        }
    }

    void ICallbackRunner.Watch(Notification notification) => _watched.Add(notification);

    void ICallbackRunner.Unwatch(Notification notification) => _watched.Remove(notification);

    private static void Deliver(NotificationSignal signal, Action<Exception> fault) => signal.Source.Deliver(signal.Bits, fault);
}
