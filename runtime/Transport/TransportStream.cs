namespace UxRt.Camkes.Runtime.Transport;

/// <summary>
/// A <see cref="Stream"/> over one transport path: reads and writes at its position through the
/// Unix-style API (short messages when they fit, long ones otherwise). A negative status becomes an
/// <see cref="IOException"/> here, on the client's side; nothing is thrown across the connection.
/// The transport has no length call, so <see cref="Length"/> and seeking from the end are not supported.
/// </summary>
public sealed class TransportStream : Stream
{
    private readonly TransportClient _client;
    private long _position;

    internal TransportStream(TransportClient client) => _client = client;

    public string Path => _client.Path;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException($"the transport cannot tell the length of '{Path}'");

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "a position cannot be negative");
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => Advance(_client.Read(_position, buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Advance(await _client.ReadAsync(_position, buffer));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer) => Wrote(_client.Write(_position, buffer), buffer.Length);

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        Wrote(await _client.WriteAsync(_position, buffer), buffer.Length);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => throw new NotSupportedException($"the transport cannot tell the length of '{Path}', so it cannot seek from the end"),
        };
        return _position;
    }

    public override void Flush()
    {
        // Every write has reached the server when it returns.
    }

    public override void SetLength(long value) => throw new NotSupportedException($"the transport cannot set the length of '{Path}'");

    private int Advance(long status)
    {
        ThrowIfFailed(status);
        _position += status;
        return (int)status;
    }

    private void Wrote(long status, int expected)
    {
        ThrowIfFailed(status);
        _position += status;
        if (status < expected)
        {
            throw new IOException($"'{Path}' took {status} of {expected} bytes");
        }
    }

    private void ThrowIfFailed(long status)
    {
        if (status < 0)
        {
            throw new IOException($"'{Path}': {TransportStatus.Describe(status)}", _client.LastFault);
        }
    }
}
