namespace FileServer;

/// <summary>One file of the in-memory file system: bytes that grow as they are written.</summary>
public sealed class MemoryFile
{
    private byte[] _bytes = [];

    public long Length { get; private set; }

    public long Read(long offset, Span<byte> destination)
    {
        if (offset >= Length)
        {
            return 0;
        }

        var count = (int)Math.Min(destination.Length, Length - offset);
        _bytes.AsSpan((int)offset, count).CopyTo(destination);
        return count;
    }

    public long Write(long offset, ReadOnlySpan<byte> source)
    {
        var end = offset + source.Length;
        if (end > Array.MaxLength)
        {
            return -27; // EFBIG: larger than one array can hold.
        }

        if (end > _bytes.Length)
        {
            Array.Resize(ref _bytes, (int)Math.Min(Array.MaxLength, Math.Max(end, 2L * _bytes.Length)));
        }

        source.CopyTo(_bytes.AsSpan((int)offset));
        Length = Math.Max(Length, end);
        return source.Length;
    }
}
