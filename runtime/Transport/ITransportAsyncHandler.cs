using System.ComponentModel;
using UxRt.Camkes.Runtime.Transport;

namespace UxRt.Camkes.Runtime.Glue;

/// <summary>
/// What a unicore component implements to serve a transport endpoint: like
/// <see cref="ITransportHandler"/>, but it may await without holding its virtual CPU. The memory is
/// valid only until the returned task completes.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ITransportAsyncHandler
{
    ValueTask<long> ReadAsync(TransportRequest request, Memory<byte> destination);

    ValueTask<long> WriteAsync(TransportRequest request, ReadOnlyMemory<byte> source);
}
