using UxRt.Camkes.Runtime.Components;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Transport;

namespace UxRt.Camkes.Benchmarks.Runtime;

/// <summary>
/// A started kernel with a native server on its interface thread serving one transport path, and
/// a client connected to it: what the generated glue of a UxrtTransport connection builds.
/// </summary>
public sealed class TransportRig : IDisposable
{
    private readonly SystemKernel _kernel = new("bench");

    public TransportRig(ITransportHandler handler, int bufferSize)
    {
        _kernel.AddInstance("server", new Idle(), hasControl: false);
        _kernel.AddInstance("client", new Idle(), hasControl: false);
        var endpoint = TransportWiring.Serve(_kernel, "server", "file", "/srv/bench", handler);
        Client = TransportWiring.Connect(_kernel, endpoint, "client", "file", bufferSize: bufferSize);
        _kernel.Start();
    }

    public TransportClient Client { get; }

    public void Dispose() => _kernel.Dispose();

    private sealed class Idle : Component;
}

/// <summary>A file of 4 KiB that reads and writes copy in and out of, as a small server would.</summary>
public sealed class SmallFile : ITransportHandler
{
    private readonly byte[] _bytes = new byte[4096];

    public long Read(TransportRequest request, Span<byte> destination)
    {
        _bytes.AsSpan((int)request.Offset, destination.Length).CopyTo(destination);
        return destination.Length;
    }

    public long Write(TransportRequest request, ReadOnlySpan<byte> source)
    {
        source.CopyTo(_bytes.AsSpan((int)request.Offset));
        return source.Length;
    }
}

/// <summary>A sink that takes the bytes where they lie (in the shared buffer), like a device consuming a frame in place.</summary>
public sealed class DiscardingFile : ITransportHandler
{
    public long Read(TransportRequest request, Span<byte> destination) => destination.Length;

    public long Write(TransportRequest request, ReadOnlySpan<byte> source) => source.Length;
}
