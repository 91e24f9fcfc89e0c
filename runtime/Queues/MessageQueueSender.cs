using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Notifications;

namespace UxRt.Camkes.Runtime.Queues;

/// <summary>
/// The sending end of a message queue (seL4MessageQueue's <c>from</c> dataport): messages of the
/// dataport's struct type copied into a shared ring. Enqueueing never runs the receiver's code and
/// signals it only when it said it sleeps. One thread of the component sends at a time.
/// </summary>
public sealed class MessageQueueSender<T>
    where T : unmanaged
{
    private readonly SharedRing _ring;
    private readonly Notification _roomFreed;
    private readonly Notification _receiverWake;
    private long _tail;
    private long _cachedHead;

    /// <param name="region">The connection's region, shared with the receiver.</param>
    /// <param name="roomFreed">This end's notification, signalled by the receiver when it frees a slot this end waits for.</param>
    /// <param name="receiverWake">The receiver's notification, signalled when it sleeps and a message arrives.</param>
    public MessageQueueSender(SharedRegion region, Notification roomFreed, Notification receiverWake)
    {
        ArgumentNullException.ThrowIfNull(roomFreed);
        ArgumentNullException.ThrowIfNull(receiverWake);
        _ring = new SharedRing(region, System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
        _roomFreed = roomFreed;
        _receiverWake = receiverWake;
    }

    /// <summary>How many messages the ring holds.</summary>
    public int Capacity => _ring.SlotCount;

    /// <summary>Copies <paramref name="message"/> into the ring; false, leaving it unsent, when the ring is full.</summary>
    public bool TryEnqueue(in T message)
    {
        if (!HasRoom())
        {
            return false;
        }

        _ring.SlotAs<T>(_tail) = message;
        Publish(_tail + 1);
        return true;
    }

    /// <summary>
    /// Copies as many of <paramref name="messages"/> as there is room for, in order, and makes them
    /// visible to the receiver at once (one index write and at most one signal for the batch).
    /// Returns how many were sent.
    /// </summary>
    public int TryEnqueue(ReadOnlySpan<T> messages)
    {
        var sent = 0;
        while (sent < messages.Length && HasRoom(_tail + sent))
        {
            _ring.SlotAs<T>(_tail + sent) = messages[sent];
            sent++;
        }

        if (sent > 0)
        {
            Publish(_tail + sent);
        }

        return sent;
    }

    /// <summary>Sends <paramref name="message"/>, blocking while the ring is full.</summary>
    /// <exception cref="Threading.BlockingOnVirtualCpuException">The ring is full on a virtual CPU: await <see cref="EnqueueAsync"/> there.</exception>
    public void Enqueue(in T message, CancellationToken cancellation = default)
    {
        while (!TryEnqueue(message))
        {
            Threading.BlockingOnVirtualCpuException.ThrowIfOnCpu("enqueuing on the full message queue", _ring.Name, "await EnqueueAsync() instead");
            if (SleepUnlessRoom())
            {
                _roomFreed.Wait(cancellation);
            }
        }
    }

    /// <summary>Sends <paramref name="message"/>, waiting without a thread while the ring is full.</summary>
    public async ValueTask EnqueueAsync(T message, CancellationToken cancellation = default)
    {
        while (!TryEnqueue(message))
        {
            if (SleepUnlessRoom())
            {
                await _roomFreed.WaitAsync(cancellation).ConfigureAwait(false);
            }
        }
    }

    private bool HasRoom() => HasRoom(_tail);

    private bool HasRoom(long index)
    {
        if (index - _cachedHead < _ring.SlotCount)
        {
            return true;
        }

        _cachedHead = Volatile.Read(ref _ring.Head);
        return index - _cachedHead < _ring.SlotCount;
    }

    private void Publish(long tail)
    {
        _tail = tail;
        if (SharedRing.PublishAndTakeSleeper(ref _ring.Tail, tail, ref _ring.ConsumerSleeps))
        {
            _receiverWake.Signal();
        }
    }

    // Says it sleeps, then looks once more: a slot freed before the flag was seen is found here.
    private bool SleepUnlessRoom()
    {
        SharedRing.AnnounceSleep(ref _ring.ProducerSleeps);
        if (HasRoom())
        {
            SharedRing.CancelSleep(ref _ring.ProducerSleeps);
            return false;
        }

        return true;
    }
}
