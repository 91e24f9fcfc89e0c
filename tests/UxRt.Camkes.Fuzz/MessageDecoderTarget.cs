using UxRt.Camkes.Runtime.Glue;

namespace UxRt.Camkes.Fuzz;

/// <summary>
/// One input is a decoding program and a message: the first byte says how many reads follow (in
/// the next bytes, one read kind each), the rest is the message, written into a
/// <see cref="MessageBuffer"/> left holding a marker from an earlier use. Whatever the bytes say, a
/// read either succeeds within the message or is refused with <see cref="InvalidOperationException"/>;
/// it never reads past the message (the earlier use's bytes) and never allocates far more than
/// the message holds.
/// </summary>
internal static class MessageDecoderTarget
{
    private const byte Marker = 0xA5;

    public static void Run(byte[] input)
    {
        if (input.Length == 0)
        {
            return;
        }

        var reads = Math.Min(input[0] % 16, input.Length - 1);
        var program = input.AsSpan(1, reads);
        var message = input.AsSpan(1 + reads);

        // A pooled buffer: twice the message, all of it written with the marker first.
        var buffer = new MessageBuffer(Math.Max(1, 2 * message.Length));
        for (var i = 0; i < buffer.Capacity; i++)
        {
            buffer.Write(Marker);
        }

        buffer.Rewind();
        foreach (var b in message)
        {
            buffer.Write(b);
        }

        buffer.Rewind();
        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var kind in program)
        {
            try
            {
                Read(buffer, kind);
            }
            catch (InvalidOperationException)
            {
                break; // A refusal: the message is malformed.
            }

            if (buffer.Position > message.Length)
            {
                throw new InvalidOperationException($"read to {buffer.Position}, past the {message.Length}-byte message");
            }
        }

        // Strings are UTF-16 (two bytes per byte at most), arrays at most what arrived; plus headers.
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        if (allocated > (16L * message.Length) + (64 * 1024))
        {
            throw new InvalidOperationException($"{allocated} bytes allocated decoding a {message.Length}-byte message");
        }
    }

    private static void Read(MessageBuffer buffer, byte kind)
    {
        _ = (kind % 8) switch
        {
            0 => buffer.Read<int>(),
            1 => buffer.Read<long>(),
            2 => (object)buffer.Read<double>(),
            3 => buffer.ReadString(),
            4 => buffer.ReadArray<int>(),
            5 => buffer.ReadArray<byte>(),
            6 => buffer.ReadArray<long>(),
            _ => buffer.ReadStrings(),
        };
    }
}
