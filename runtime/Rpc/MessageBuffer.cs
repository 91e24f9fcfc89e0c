using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace UxRt.Camkes.Runtime.Glue;

/// <summary>
/// The shared buffer that seL4RPCDataport marshals a call through: the client writes the inputs,
/// the server reads them and writes the outputs back over them. Values are laid out one after
/// another in their in-memory form; strings as UTF-8 and arrays behind a length prefix.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class MessageBuffer
{
    private const int NullLength = -1;

    private readonly byte[] _bytes;
    private int _position;

    // How many bytes hold the message now: what was last written or received. Reads stop there,
    // so a pooled buffer never hands one caller the bytes another left behind.
    private int _length;

    public MessageBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _bytes = GC.AllocateUninitializedArray<byte>(capacity, pinned: true);
    }

    public int Capacity => _bytes.Length;

    /// <summary>How many bytes have been written or read since the last <see cref="Rewind"/>.</summary>
    public int Position => _position;

    /// <summary>Starts reading or writing from the beginning again.</summary>
    public void Rewind() => _position = 0;

    /// <summary>The bytes written since the last <see cref="Rewind"/>: what a transport sends.</summary>
    internal ReadOnlyMemory<byte> Written => _bytes.AsMemory(0, _position);

    /// <summary>Replaces the content with <paramref name="message"/> received from a transport and rewinds for reading.</summary>
    /// <exception cref="InvalidOperationException">The message is larger than the buffer.</exception>
    internal void Load(ReadOnlySpan<byte> message)
    {
        _position = 0;
        message.CopyTo(MemoryMarshal.CreateSpan(ref Reserve(message.Length), message.Length));
        _length = message.Length;
        _position = 0;
    }

    public void Write<T>(T value)
        where T : unmanaged
    {
        Unsafe.WriteUnaligned(ref Reserve(Unsafe.SizeOf<T>()), value);
    }

    public T Read<T>()
        where T : unmanaged
    {
        return Unsafe.ReadUnaligned<T>(ref Take(Unsafe.SizeOf<T>()));
    }

    public void WriteString(string? value)
    {
        if (value is null)
        {
            Write(NullLength);
            return;
        }

        var length = Encoding.UTF8.GetByteCount(value);
        Write(length);
        Encoding.UTF8.GetBytes(value, MemoryMarshal.CreateSpan(ref Reserve(length), length));
    }

    public string ReadString()
    {
        var length = Read<int>();
        if (length == NullLength)
        {
            return null!;
        }

        return Encoding.UTF8.GetString(MemoryMarshal.CreateReadOnlySpan(ref Take(length), length));
    }

    public void WriteArray<T>(T[]? values)
        where T : unmanaged
    {
        if (values is null)
        {
            Write(NullLength);
            return;
        }

        Write(values.Length);
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        bytes.CopyTo(MemoryMarshal.CreateSpan(ref Reserve(bytes.Length), bytes.Length));
    }

    public T[] ReadArray<T>()
        where T : unmanaged
    {
        var length = Read<int>();
        if (length == NullLength)
        {
            return null!;
        }

        // Checked against what arrived before anything is allocated: four bytes must not cost gigabytes.
        var byteCount = EnsureAvailable(length, Unsafe.SizeOf<T>());
        var values = length == 0 ? Array.Empty<T>() : new T[length];
        MemoryMarshal.CreateReadOnlySpan(ref Take(byteCount), byteCount).CopyTo(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    public void WriteStrings(string[]? values)
    {
        if (values is null)
        {
            Write(NullLength);
            return;
        }

        Write(values.Length);
        foreach (var value in values)
        {
            WriteString(value);
        }
    }

    public string[] ReadStrings()
    {
        var length = Read<int>();
        if (length == NullLength)
        {
            return null!;
        }

        // Each string takes at least its four-byte length: more strings than that cannot have arrived.
        EnsureAvailable(length, sizeof(int));
        var values = length == 0 ? Array.Empty<string>() : new string[length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ReadString();
        }

        return values;
    }

    private ref byte Reserve(int count)
    {
        ref var start = ref Advance(count, _bytes.Length, writing: true);
        // A message is written front to back from a rewind: it ends where the last write did.
        _length = _position;
        return ref start;
    }

    private ref byte Take(int count) => ref Advance(count, _length, writing: false);

    // The bytes `count` elements of `size` bytes need, when that many are still unread; else the read fails.
    private int EnsureAvailable(int count, int size)
    {
        var bytes = (long)count * size;
        if (count < 0 || bytes > _length - _position)
        {
            throw new InvalidOperationException($"the message announces {count} elements, more than the {_length - _position} bytes left in it hold");
        }

        return (int)bytes;
    }

    private ref byte Advance(int count, int end, bool writing)
    {
        if (count < 0 || count > end - _position)
        {
            ThrowOverflow(count, writing);
        }

        ref var start = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_bytes), _position);
        _position += count;
        return ref start;
    }

    // Kept out of Advance so that the message text is only built when it is needed.
    private void ThrowOverflow(int count, bool writing) =>
        throw new InvalidOperationException(writing
            ? $"the message does not fit in the {_bytes.Length}-byte buffer (needs {_position + (long)count} bytes)"
            : $"read past the end of the {_length}-byte message");
}
