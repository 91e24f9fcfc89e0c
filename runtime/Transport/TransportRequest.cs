namespace UxRt.Camkes.Runtime.Transport;

/// <summary>
/// One read or write as the server sees it: where, how many bytes, and who asked. The bytes
/// themselves are the span or memory handed beside it (the message registers or the shared buffer).
/// </summary>
/// <param name="Path">The endpoint's path (<c>&lt;iface&gt;_path</c>).</param>
/// <param name="Offset">Where in the file; never negative.</param>
/// <param name="Length">Bytes to read, or bytes written.</param>
/// <param name="Badge">The client's badge (<c>&lt;iface&gt;_attributes</c>).</param>
/// <param name="IsLong">Whether the bytes travel through the shared buffer rather than the message registers.</param>
public readonly record struct TransportRequest(string Path, long Offset, int Length, int Badge, bool IsLong);
