using UxRt.Camkes.Runtime.Notifications;

namespace UxRt.Camkes.Runtime.Transport;

/// <summary>
/// select/poll for the transport: waits on any mix of transport endpoints (their readiness) and
/// notifications, thousands at once. It is a <see cref="NotificationSet"/> underneath, so a wake-up
/// costs the same whatever the set holds; each notification carries its source, so none is looked up.
/// Blocking forms for native threads; <see cref="WaitAsync"/> for unicore components. Add and remove
/// from the thread that waits.
/// </summary>
public sealed class PollSet
{
    private readonly NotificationSet _set = new();

    /// <summary>How many sources the set holds.</summary>
    public int Count => _set.Count;

    /// <summary>Waits for <paramref name="endpoint"/> to be signalled ready by its server.</summary>
    public void Add(TransportClient endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        Add(endpoint.Readiness, endpoint);
    }

    /// <summary>Waits for <paramref name="notification"/>; it must not be in another set or have a callback.</summary>
    public void Add(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        Add(notification, notification);
    }

    public void Remove(TransportClient endpoint) => Remove(endpoint.Readiness);

    public void Remove(Notification notification)
    {
        if (notification.BoundSet == _set)
        {
            _set.Remove(notification);
            notification.PollSource = null;
        }
    }

    /// <summary>Takes a ready source without waiting.</summary>
    public bool TryPoll(out PollEvent ready)
    {
        if (_set.TryPoll(out var signal))
        {
            ready = Event(signal);
            return true;
        }

        ready = default;
        return false;
    }

    /// <summary>Blocks until a source is ready.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled first.</exception>
    public PollEvent Wait(CancellationToken cancellation = default) => Event(_set.Wait(cancellation));

    /// <summary>Like <see cref="Wait"/>, but gives up after <paramref name="timeout"/>.</summary>
    public bool TryWait(TimeSpan timeout, out PollEvent ready, CancellationToken cancellation = default)
    {
        if (_set.TryWait(timeout, out var signal, cancellation))
        {
            ready = Event(signal);
            return true;
        }

        ready = default;
        return false;
    }

    /// <summary>Waits without holding a thread; on a virtual CPU only the awaiting lightweight thread parks.</summary>
    public async ValueTask<PollEvent> WaitAsync(CancellationToken cancellation = default) => Event(await _set.WaitAsync(cancellation));

    private void Add(Notification notification, object source)
    {
        // Bound first: a notification that belongs to another set is refused before its source changes.
        _set.Add(notification);
        notification.PollSource = source;
    }

    private static PollEvent Event(NotificationSignal signal) => new(signal.Source.PollSource ?? signal.Source, signal.Bits);
}
