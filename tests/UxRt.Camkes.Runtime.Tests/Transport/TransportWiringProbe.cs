using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Tests.Support;
using UxRt.Camkes.Runtime.Transport;

namespace UxRt.Camkes.Runtime.Tests.Transport;

/// <summary>Servers that misbehave in ways <see cref="MemoryFiles"/> does not.</summary>
internal static class TransportWiringProbe
{
    /// <summary>A passive server whose reads claim one byte more than they were asked for.</summary>
    public static SystemKernel ServeLiar(out TransportClient client)
    {
        var kernel = new SystemKernel("liar");
        kernel.AddInstance("liar", new ScriptedComponent(), hasControl: false);
        var endpoint = TransportWiring.Serve(kernel, "liar", "file", "/srv/liar", new Liar(), passive: true);
        client = TransportWiring.Connect(kernel, endpoint, "client", "file");
        kernel.Start();
        return kernel;
    }

    private sealed class Liar : ITransportHandler
    {
        public long Read(TransportRequest request, Span<byte> destination) => destination.Length + 1;

        public long Write(TransportRequest request, ReadOnlySpan<byte> source) => source.Length;
    }
}
