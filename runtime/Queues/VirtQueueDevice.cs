using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Notifications;

namespace UxRt.Camkes.Runtime.Queues;

/// <summary>
/// The device end of a virtqueue (a <c>uses VirtQueueDev</c> interface of seL4VirtQueues): takes the
/// buffers the driver made available, in order, and hands each back as used once it is read, as
/// <c>virtqueue_get_available_buf</c>, <c>camkes_virtqueue_device_gather_buffer</c> and
/// <c>virtqueue_add_used_buf</c> do. <see cref="Notify"/> wakes the driver through its global endpoint.
/// </summary>
public sealed class VirtQueueDevice
{
    private readonly SharedRing _ring;
    private readonly GlobalEndpoint _driver;
    private readonly int _badge;
    private long _head;

    /// <param name="region">The connection's region, shared with the driver end.</param>
    /// <param name="slotSize">The bytes of one buffer slot, its 4-byte length included; the driver's.</param>
    /// <param name="driver">The driver instance's global endpoint, which <see cref="Notify"/> signals.</param>
    /// <param name="badge">The badge of this end's signals.</param>
    public VirtQueueDevice(SharedRegion region, int slotSize, GlobalEndpoint driver, int badge = 1)
    {
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(slotSize, VirtQueueSlot.LengthSize);
        ArgumentOutOfRangeException.ThrowIfZero(badge);
        _ring = new SharedRing(region, slotSize);
        _driver = driver;
        _badge = badge;
    }

    /// <summary>The largest buffer one slot carries.</summary>
    public int MaxBufferSize => _ring.SlotSize - VirtQueueSlot.LengthSize;

    /// <summary>Whether the driver has made a buffer available that this end has not taken (<c>VQ_DEV_POLL</c>).</summary>
    public bool Poll() => Available() > 0;

    /// <summary>
    /// Copies the oldest available buffer into <paramref name="destination"/> and marks it used.
    /// False when none is available. A buffer longer than <paramref name="destination"/> is not taken.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than the buffer.</exception>
    public bool TryReceive(Span<byte> destination, out int length)
    {
        if (Available() == 0)
        {
            length = 0;
            return false;
        }

        length = VirtQueueSlot.Read(_ring.Slot(_head), destination, _ring.Name);
        _head++;
        Volatile.Write(ref _ring.Head, _head);
        return true;
    }

    /// <summary>Takes the oldest available buffer as a <typeparamref name="T"/> (a copy), as <see cref="TryReceive(Span{byte}, out int)"/> does.</summary>
    public bool TryReceive<T>(out T message)
        where T : unmanaged
    {
        message = default;
        return TryReceive(System.Runtime.InteropServices.MemoryMarshal.AsBytes(new Span<T>(ref message)), out _);
    }

    /// <summary>Wakes the driver end, which then reclaims the used buffers.</summary>
    public void Notify() => _driver.Signal(_badge);

    private long Available() => _ring.TailSeenFrom(_head) - _head;
}
