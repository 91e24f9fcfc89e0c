using UxRt.Camkes.Adl.Model;

namespace UxRt.Camkes.Compiler.Emit;

/// <summary>
/// A connection's wiring as its connector's templates rendered it: within one process, and, when it
/// crosses nodes and UxRt.Camkes.Remote is referenced, through the <c>RemoteNode</c> (null otherwise).
/// </summary>
internal sealed record RenderedConnection(ConnectionModel Connection, string Wiring, string? RemoteWiring = null);
