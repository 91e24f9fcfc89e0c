using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Notifications;

namespace UxRt.Camkes.Runtime.Queues;

/// <summary>
/// The driver end of a virtqueue (global-components' seL4VirtQueues, a <c>uses VirtQueueDrv</c>
/// interface): sends buffers to the device end through a shared ring and takes them back once the
/// device has used them, as <c>camkes_virtqueue_driver_send_buffer</c> and
/// <c>virtqueue_get_used_buf</c> do. Sending does not wake the device: <see cref="Notify"/> does,
/// through the device's global endpoint, so a batch costs one signal.
/// </summary>
public sealed class VirtQueueDriver
{
    private readonly SharedRing _ring;
    private readonly GlobalEndpoint _device;
    private readonly int _badge;
    private long _tail;
    private long _reclaimed;

    /// <param name="region">The connection's region, shared with the device end.</param>
    /// <param name="slotSize">The bytes of one buffer slot, its 4-byte length included.</param>
    /// <param name="device">The device instance's global endpoint, which <see cref="Notify"/> signals.</param>
    /// <param name="badge">The badge of this end's signals (<c>inst.iface_attributes</c> in CAmkES).</param>
    public VirtQueueDriver(SharedRegion region, int slotSize, GlobalEndpoint device, int badge = 1)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(slotSize, VirtQueueSlot.LengthSize);
        ArgumentOutOfRangeException.ThrowIfZero(badge);
        _ring = new SharedRing(region, slotSize);
        _device = device;
        _badge = badge;
    }

    /// <summary>How many buffers can be outstanding at once.</summary>
    public int Capacity => _ring.SlotCount;

    /// <summary>The largest buffer one slot carries.</summary>
    public int MaxBufferSize => _ring.SlotSize - VirtQueueSlot.LengthSize;

    /// <summary>
    /// Copies <paramref name="buffer"/> into a free slot and makes it available to the device. False
    /// when every slot is outstanding (reclaim used ones first).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="buffer"/> is larger than <see cref="MaxBufferSize"/>.</exception>
    public bool TrySend(ReadOnlySpan<byte> buffer)
    {
        if (buffer.Length > MaxBufferSize)
        {
            throw new ArgumentException($"a {buffer.Length}-byte buffer does not fit the {MaxBufferSize}-byte slots of virtqueue '{_ring.Name}'", nameof(buffer));
        }

        if (_tail - _reclaimed >= _ring.SlotCount)
        {
            return false;
        }

        VirtQueueSlot.Write(_ring.Slot(_tail), buffer);
        _tail++;
        Volatile.Write(ref _ring.Tail, _tail);
        return true;
    }

    /// <summary>Copies <paramref name="message"/>'s bytes into a free slot, as <see cref="TrySend(ReadOnlySpan{byte})"/> does.</summary>
    public bool TrySend<T>(in T message)
        where T : unmanaged =>
        TrySend(System.Runtime.InteropServices.MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in message)));

    /// <summary>Whether the device has used buffers that <see cref="ReclaimUsed"/> has not taken back yet (<c>VQ_DRV_POLL</c>).</summary>
    public bool Poll() => UsedHead() > _reclaimed;

    /// <summary>Takes back every buffer the device has used, freeing their slots; returns how many.</summary>
    public int ReclaimUsed()
    {
        var used = UsedHead();
        var count = (int)(used - _reclaimed);
        _reclaimed = used;
        return count;
    }

    /// <summary>Wakes the device end (<c>virtqueue.notify()</c>).</summary>
    public void Notify() => _device.Signal(_badge);

    // The device's index, clamped to what this end has sent: memory the other side writes is not trusted.
    private long UsedHead() => Math.Clamp(Volatile.Read(ref _ring.Head), _reclaimed, _tail);
}
