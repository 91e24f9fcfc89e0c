using System.ComponentModel;
using UxRt.Camkes.Runtime.Transport;

namespace UxRt.Camkes.Runtime.Glue;

/// <summary>
/// What a native component implements to serve a transport endpoint (<c>provides UxrtFile f;</c>).
/// Each method returns the bytes moved or a negative <see cref="TransportStatus"/>; a thrown
/// exception reaches the client as <see cref="TransportStatus.IOError"/>. The spans are valid only
/// until the method returns.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ITransportHandler
{
    /// <summary>Fills up to <paramref name="destination"/>.Length bytes from <c>request.Offset</c>; returns how many (0 at the end).</summary>
    long Read(TransportRequest request, Span<byte> destination);

    /// <summary>Stores <paramref name="source"/> at <c>request.Offset</c>; returns how many bytes were taken.</summary>
    long Write(TransportRequest request, ReadOnlySpan<byte> source);
}
