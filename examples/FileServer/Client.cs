using System.Text;
using UxRt.Camkes.Runtime.Transport;

namespace FileServer;

/// <summary>
/// The client: writes files of 1 byte to 1 MiB through each client API and reads them back,
/// shows that errors come back as status codes, then waits with select on every path it was
/// granted. It prints a checksum of everything it read back.
/// </summary>
public sealed class Client : ClientBase
{
    // Both sides of the short/long boundary (936 bytes) and of the buffers (256 KiB, 1 MiB).
    private static readonly int[] Sizes = [1, 2, 935, 936, 937, 4096, 65536, 262144, 262145, 1 << 20];

    private ulong _checksum = 14695981039346656037UL; // FNV-1a's offset basis.

    protected override void Run()
    {
        foreach (var size in Sizes)
        {
            var data = Pattern(size);
            Verify("short messages", data, ThroughShortMessages(Registers, data));
            Verify("long messages", data, ThroughLongMessages(Buffered, data));
            Verify("read()/write()", data, ThroughUnix(Unix, data));
            Verify("Stream", data, ThroughStream(data));
        }

        Console.WriteLine($"client: {Sizes.Length} sizes from 1 byte to 1 MiB written and read back through short messages, long messages, read()/write() and a Stream");
        ShowErrors();
        using (var motd = new StreamReader(Transport.Open("/srv/fs/motd"), Encoding.UTF8))
        {
            Console.WriteLine($"client: /srv/fs/motd says \"{motd.ReadToEnd()}\"");
        }

        Select();
        Console.WriteLine($"client: checksum 0x{_checksum:x16}");
    }

    private static byte[] ThroughShortMessages(TransportClient file, byte[] data)
    {
        for (var offset = 0; offset < data.Length; offset += ShortMessage.MaxBytes)
        {
            var chunk = data.AsSpan(offset, Math.Min(ShortMessage.MaxBytes, data.Length - offset));
            Expect(chunk.Length, file.WriteShort(offset, chunk), "short write");
        }

        var back = new byte[data.Length];
        for (var offset = 0; offset < back.Length; offset += ShortMessage.MaxBytes)
        {
            var chunk = back.AsSpan(offset, Math.Min(ShortMessage.MaxBytes, back.Length - offset));
            Expect(chunk.Length, file.ReadShort(offset, chunk), "short read");
        }

        return back;
    }

    // In place: the bytes go straight into the shared buffer and come straight out of it.
    private static byte[] ThroughLongMessages(TransportClient file, byte[] data)
    {
        for (var offset = 0; offset < data.Length; offset += file.BufferSize)
        {
            var length = Math.Min(file.BufferSize, data.Length - offset);
            data.AsSpan(offset, length).CopyTo(file.Buffer);
            Expect(length, file.WriteBuffer(offset, length), "long write");
        }

        var back = new byte[data.Length];
        for (var offset = 0; offset < back.Length; offset += file.BufferSize)
        {
            var length = Math.Min(file.BufferSize, back.Length - offset);
            Expect(length, file.ReadBuffer(offset, length), "long read");
            file.Buffer[..length].CopyTo(back.AsSpan(offset));
        }

        return back;
    }

    private static byte[] ThroughUnix(TransportClient file, byte[] data)
    {
        Expect(data.Length, file.Write(0, data), "write()");
        var back = new byte[data.Length];
        Expect(back.Length, file.Read(0, back), "read()");
        return back;
    }

    private byte[] ThroughStream(byte[] data)
    {
        using var stream = Transport.Open("/srv/fs/streamed");
        stream.Write(data);
        stream.Seek(0, SeekOrigin.Begin);
        var back = new byte[data.Length];
        stream.ReadExactly(back);
        return back;
    }

    private void ShowErrors()
    {
        var missing = Transport.TryOpen("/srv/fs/missing", out _);
        var readOnly = Motd.Write(0, "graffiti"u8);
        var negative = Unix.Read(-1, new byte[8]);
        var tooLong = Registers.WriteShort(0, new byte[ShortMessage.MaxBytes + 1]);
        Expect(TransportStatus.NoEntry, missing, "opening an ungranted path");
        Expect(TransportStatus.BadDescriptor, readOnly, "writing the read-only motd");
        Expect(TransportStatus.InvalidArgument, negative, "reading at a negative offset");
        Expect(TransportStatus.MessageTooLong, tooLong, "an oversized short message");
        Console.WriteLine($"client: errors come back as statuses: {TransportStatus.Describe(missing)}, {TransportStatus.Describe(readOnly)}, {TransportStatus.Describe(negative)}, {TransportStatus.Describe(tooLong)}");
    }

    // The server signalled each path after writing it, and motd from the start: select sees them all.
    private void Select()
    {
        var polls = new PollSet();
        foreach (var file in new[] { Registers, Buffered, Unix, Streamed, Motd })
        {
            polls.Add(file);
        }

        var ready = new SortedSet<string>(StringComparer.Ordinal);
        while (ready.Count < polls.Count)
        {
            if (!polls.TryWait(TimeSpan.FromSeconds(30), out var woken, StopRequested))
            {
                throw new TimeoutException($"select saw only {string.Join(", ", ready)}");
            }

            ready.Add(woken.Endpoint!.Path);
        }

        Console.WriteLine($"client: select saw all {ready.Count} paths ready: {string.Join(", ", ready)}");
    }

    private void Verify(string api, byte[] data, byte[] back)
    {
        if (!data.AsSpan().SequenceEqual(back))
        {
            throw new InvalidDataException($"{data.Length} bytes through {api} came back different");
        }

        foreach (var b in back)
        {
            _checksum = (_checksum ^ b) * 1099511628211UL;
        }
    }

    private static void Expect(long expected, long status, string what)
    {
        if (status != expected)
        {
            throw new IOException($"{what}: expected {TransportStatus.Describe(expected)}, got {TransportStatus.Describe(status)}");
        }
    }

    private static byte[] Pattern(int size)
    {
        var bytes = new byte[size];
        for (var i = 0; i < size; i++)
        {
            bytes[i] = (byte)((i * 131) ^ (i >> 8) ^ size);
        }

        return bytes;
    }
}
