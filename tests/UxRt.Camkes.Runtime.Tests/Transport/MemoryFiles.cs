using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Transport;

namespace UxRt.Camkes.Runtime.Tests.Transport;

/// <summary>
/// A server's files in memory, one per path, served blocking or awaitable. A write at
/// <see cref="FaultingOffset"/> throws, to play a faulty server; <see cref="Gate"/>, when set,
/// holds every call until opened.
/// </summary>
internal sealed class MemoryFiles : ITransportHandler, ITransportAsyncHandler
{
    public const long FaultingOffset = 666;

    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public ManualResetEventSlim? Gate { get; set; }

    public ManualResetEventSlim Entered { get; } = new();

    public int LastBadge { get; private set; }

    public long Read(TransportRequest request, Span<byte> destination)
    {
        Hold();
        lock (_files)
        {
            var file = _files.GetValueOrDefault(request.Path, []);
            if (request.Offset >= file.Length)
            {
                return 0;
            }

            var count = (int)Math.Min(destination.Length, file.Length - request.Offset);
            file.AsSpan((int)request.Offset, count).CopyTo(destination);
            return count;
        }
    }

    public long Write(TransportRequest request, ReadOnlySpan<byte> source)
    {
        Hold();
        LastBadge = request.Badge;
        if (request.Offset == FaultingOffset)
        {
            throw new InvalidOperationException("the disk is on fire");
        }

        lock (_files)
        {
            var file = _files.GetValueOrDefault(request.Path, []);
            var end = (int)request.Offset + source.Length;
            if (end > file.Length)
            {
                Array.Resize(ref file, end);
            }

            source.CopyTo(file.AsSpan((int)request.Offset));
            _files[request.Path] = file;
            return source.Length;
        }
    }

    // Awaits first, so the unicore server really parks its lightweight thread mid-call.
    public async ValueTask<long> ReadAsync(TransportRequest request, Memory<byte> destination)
    {
        await Task.Yield();
        return Read(request, destination.Span);
    }

    public async ValueTask<long> WriteAsync(TransportRequest request, ReadOnlyMemory<byte> source)
    {
        await Task.Yield();
        return Write(request, source.Span);
    }

    private void Hold()
    {
        Entered.Set();
        Gate?.Wait(Support.Bounded.Wait);
    }
}
