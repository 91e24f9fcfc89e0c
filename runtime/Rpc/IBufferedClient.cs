using System.ComponentModel;

namespace UxRt.Camkes.Runtime.Glue;

/// <summary>A client end whose calls may go through a <see cref="Glue.CallBuffer"/>: how CamkesErrors finds where to register a handler.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IBufferedClient
{
    /// <summary>The buffer the spec gave the connection, or null when it gave none.</summary>
    CallBuffer? CallBuffer { get; }
}
