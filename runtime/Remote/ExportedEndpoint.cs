using UxRt.Camkes.Runtime.Glue;

namespace UxRt.Camkes.Remote;

/// <summary>An exported procedure end and the local endpoint its calls are delivered through.</summary>
internal sealed record ExportedEndpoint(ExportedEnd End, Endpoint Endpoint);
