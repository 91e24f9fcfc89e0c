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

        var values = length == 0 ? Array.Empty<T>() : new T[length];
        var byteCount = checked(length * Unsafe.SizeOf<T>());
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

        var values = length == 0 ? Array.Empty<string>() : new string[length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ReadString();
        }

        return values;
    }

    private ref byte Reserve(int count) => ref Advance(count, writing: true);

    private ref byte Take(int count) => ref Advance(count, writing: false);

    private ref byte Advance(int count, bool writing)
    {
        if (count < 0 || count > _bytes.Length - _position)
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
            : $"read past the end of the {_bytes.Length}-byte message");
}
