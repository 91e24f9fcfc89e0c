using System.Text;
using UxRt.Camkes.Runtime.Transport;

namespace FileServer;

/// <summary>
/// The server: one <see cref="MemoryFile"/> per path. It is unicore, so every handler runs on its
/// one virtual CPU and the files need no lock. After each write it tells the path's clients that
/// there is something to read, which is what their select waits for.
/// </summary>
public sealed class FileSystem : FileSystemBase
{
    private readonly Dictionary<string, MemoryFile> _files = new(StringComparer.Ordinal);

    protected override void Init()
    {
        _files.Clear();
        File("/srv/fs/motd").Write(0, Encoding.UTF8.GetBytes("welcome to /srv/fs, served over the UX/RT transport"));
        MotdEndpoint.SignalReady(PollEvents.In);
    }

    protected override ValueTask<long> RegistersReadAsync(TransportRequest request, Memory<byte> destination) => Read(request, destination);

    protected override ValueTask<long> RegistersWriteAsync(TransportRequest request, ReadOnlyMemory<byte> source) => Write(request, source, RegistersEndpoint);

    protected override ValueTask<long> BufferedReadAsync(TransportRequest request, Memory<byte> destination) => Read(request, destination);

    protected override ValueTask<long> BufferedWriteAsync(TransportRequest request, ReadOnlyMemory<byte> source) => Write(request, source, BufferedEndpoint);

    protected override ValueTask<long> UnixReadAsync(TransportRequest request, Memory<byte> destination) => Read(request, destination);

    protected override ValueTask<long> UnixWriteAsync(TransportRequest request, ReadOnlyMemory<byte> source) => Write(request, source, UnixEndpoint);

    protected override ValueTask<long> StreamedReadAsync(TransportRequest request, Memory<byte> destination) => Read(request, destination);

    protected override ValueTask<long> StreamedWriteAsync(TransportRequest request, ReadOnlyMemory<byte> source) => Write(request, source, StreamedEndpoint);

    protected override ValueTask<long> MotdReadAsync(TransportRequest request, Memory<byte> destination) => Read(request, destination);

    // The endpoint refuses writes itself (motd_access = "R"), so this never runs.
    protected override ValueTask<long> MotdWriteAsync(TransportRequest request, ReadOnlyMemory<byte> source) => ValueTask.FromResult(TransportStatus.BadDescriptor);

    private ValueTask<long> Read(TransportRequest request, Memory<byte> destination) =>
        ValueTask.FromResult(File(request.Path).Read(request.Offset, destination.Span));

    private ValueTask<long> Write(TransportRequest request, ReadOnlyMemory<byte> source, TransportEndpoint endpoint)
    {
        var written = File(request.Path).Write(request.Offset, source.Span);
        endpoint.SignalReady(PollEvents.In);
        return ValueTask.FromResult(written);
    }

    private MemoryFile File(string path)
    {
        if (!_files.TryGetValue(path, out var file))
        {
            file = new MemoryFile();
            _files.Add(path, file);
        }

        return file;
    }
}
