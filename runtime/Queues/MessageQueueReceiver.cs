using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Notifications;

namespace UxRt.Camkes.Runtime.Queues;

/// <summary>
/// The receiving end of a message queue (seL4MessageQueue's <c>to</c> dataport): messages taken from
/// the shared ring in the order they were sent, each a copy. A receiver that finds the ring empty
/// says it sleeps before it waits, so the sender signals only then. One thread receives at a time.
/// </summary>
public sealed class MessageQueueReceiver<T>
    where T : unmanaged
{
    // Short enough not to matter when nothing comes, long enough to catch a sender mid-burst on another core.
    private const int SpinsBeforeSleep = 100;

    private readonly SharedRing _ring;
    private readonly Notification _wake;
    private readonly Notification _senderRoomFreed;

    // Freed slots go back to the sender an eighth of the ring at a time, and whenever this end finds
    // the ring empty: one fenced write per batch instead of per message. The sender sees a full ring
    // a little early at worst; it never waits for a slot this end holds back, because this end hands
    // back everything before it can find the ring empty, let alone sleep.
    private readonly int _releaseBatch;
    private long _head;
    private long _publishedHead;
    private long _cachedTail;

    /// <param name="region">The connection's region, shared with the sender.</param>
    /// <param name="wake">This end's notification, signalled by the sender when this end sleeps and a message arrives.</param>
    /// <param name="senderRoomFreed">The sender's notification, signalled when it waits for room and a slot is freed.</param>
    public MessageQueueReceiver(SharedRegion region, Notification wake, Notification senderRoomFreed)
    {
        ArgumentNullException.ThrowIfNull(wake);
        ArgumentNullException.ThrowIfNull(senderRoomFreed);
        _ring = new SharedRing(region, System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
        _releaseBatch = Math.Max(1, _ring.SlotCount / 8);
        _wake = wake;
        _senderRoomFreed = senderRoomFreed;
    }

    /// <summary>How many messages the ring holds.</summary>
    public int Capacity => _ring.SlotCount;

    /// <summary>Takes the oldest message; false when the ring is empty.</summary>
    public bool TryDequeue(out T message)
    {
        if (Available() == 0)
        {
            ReleasePending();
            message = default;
            return false;
        }

        message = _ring.SlotAs<T>(_head);
        Release(_head + 1);
        return true;
    }

    /// <summary>Takes up to <paramref name="destination"/>'s length of messages in order; returns how many.</summary>
    public int TryDequeue(Span<T> destination)
    {
        var count = (int)Math.Min(destination.Length, Available(destination.Length));
        for (var i = 0; i < count; i++)
        {
            destination[i] = _ring.SlotAs<T>(_head + i);
        }

        if (count > 0)
        {
            Release(_head + count);
        }
        else
        {
            ReleasePending();
        }

        return count;
    }

    /// <summary>Takes the oldest message, blocking while the ring is empty.</summary>
    /// <exception cref="Threading.BlockingOnVirtualCpuException">The ring is empty on a virtual CPU: await <see cref="DequeueAsync"/> there.</exception>
    public T Dequeue(CancellationToken cancellation = default)
    {
        var spinner = default(SpinWait);
        while (true)
        {
            if (TryDequeue(out var message))
            {
                return message;
            }

            if (spinner.Count < SpinsBeforeSleep && Threading.VirtualCpu.Current is null)
            {
                spinner.SpinOnce(sleep1Threshold: -1);
                continue;
            }

            Threading.BlockingOnVirtualCpuException.ThrowIfOnCpu("dequeuing from the empty message queue", _ring.Name, "await DequeueAsync() instead");
            if (SleepUnlessAvailable())
            {
                _wake.Wait(cancellation);
            }
        }
    }

    /// <summary>Takes the oldest message, waiting without a thread while the ring is empty; a unicore receiver stays on its CPU.</summary>
    public async ValueTask<T> DequeueAsync(CancellationToken cancellation = default)
    {
        while (true)
        {
            if (TryDequeue(out var message))
            {
                return message;
            }

            if (SleepUnlessAvailable())
            {
                await _wake.WaitAsync(cancellation).ConfigureAwait(false);
            }
        }
    }

    // Reads the sender's index only when the cached view has fewer than `wanted` messages.
    private long Available(long wanted = 1)
    {
        if (_cachedTail - _head >= wanted)
        {
            return _cachedTail - _head;
        }

        _cachedTail = _ring.TailSeenFrom(_head);
        return _cachedTail - _head;
    }

    private void Release(long head)
    {
        _head = head;
        if (head - _publishedHead >= _releaseBatch)
        {
            ReleasePending();
        }
    }

    private void ReleasePending()
    {
        if (_publishedHead == _head)
        {
            return;
        }

        _publishedHead = _head;
        if (SharedRing.PublishAndTakeSleeper(ref _ring.Head, _head, ref _ring.ProducerSleeps))
        {
            _senderRoomFreed.Signal();
        }
    }

    private bool SleepUnlessAvailable()
    {
        SharedRing.AnnounceSleep(ref _ring.ConsumerSleeps);
        if (Available() > 0)
        {
            SharedRing.CancelSleep(ref _ring.ConsumerSleeps);
            return false;
        }

        return true;
    }
}
