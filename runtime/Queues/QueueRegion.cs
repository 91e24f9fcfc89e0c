using System.ComponentModel;
using System.Runtime.CompilerServices;
using UxRt.Camkes.Runtime.Queues;

namespace UxRt.Camkes.Runtime.Glue;

/// <summary>The size of the region a queue connection needs: the ring's header and its slots.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class QueueRegion
{
    /// <summary>The bytes for <paramref name="capacity"/> slots of <paramref name="slotSize"/> bytes.</summary>
    public static int SizeFor(int capacity, int slotSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(slotSize);
        return checked(SharedRing.HeaderSize + capacity * slotSize);
    }

    /// <summary>The bytes for <paramref name="capacity"/> messages of type <typeparamref name="T"/>.</summary>
    public static int SizeFor<T>(int capacity)
        where T : unmanaged => SizeFor(capacity, Unsafe.SizeOf<T>());
}
