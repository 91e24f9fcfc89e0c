using System.Buffers.Binary;

namespace UxRt.Camkes.Runtime.Queues;

/// <summary>One virtqueue buffer in its ring slot: a little-endian 4-byte length, then the bytes.</summary>
internal static class VirtQueueSlot
{
    public const int LengthSize = sizeof(int);

    public static void Write(Span<byte> slot, ReadOnlySpan<byte> buffer)
    {
        BinaryPrimitives.WriteInt32LittleEndian(slot, buffer.Length);
        buffer.CopyTo(slot[LengthSize..]);
    }

    /// <summary>Copies the slot's buffer out; a length the other side wrote past the slot is cut to it.</summary>
    public static int Read(ReadOnlySpan<byte> slot, Span<byte> destination, string queue)
    {
        var length = Math.Clamp(BinaryPrimitives.ReadInt32LittleEndian(slot), 0, slot.Length - LengthSize);
        if (length > destination.Length)
        {
            throw new ArgumentException($"a {length}-byte buffer of virtqueue '{queue}' does not fit the {destination.Length}-byte destination", nameof(destination));
        }

        slot.Slice(LengthSize, length).CopyTo(destination);
        return length;
    }
}
