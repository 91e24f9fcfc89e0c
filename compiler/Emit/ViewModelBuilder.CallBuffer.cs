using System.Linq;
using UxRt.Camkes.Adl;
using UxRt.Camkes.Adl.Connectors;
using UxRt.Camkes.Adl.Model;

namespace UxRt.Camkes.Compiler.Emit;

/// <summary>
/// RPC over a dataport: <c>conn.buffer = "d";</c> on an seL4RPCCall connection (CAmkES) names the
/// seL4SharedData connection whose memory the calls are marshalled through. Here the calls still
/// travel in a call frame, but each native client gets a <c>CallBuffer</c> of that dataport's size,
/// so a call that would not fit goes to the client's error handler, as in CAmkES; a unicore client's
/// awaitable glue checks it the same way.
/// </summary>
internal sealed partial class ViewModelBuilder
{
    private const string BufferSetting = "buffer";

    /// <summary>The dataport connection that backs <paramref name="connection"/>'s calls, or null.</summary>
    public ConnectionModel? CallBufferOf(ConnectionModel connection) =>
        _settings.Text(connection.Name, BufferSetting) is { } name
            ? _model.Connections.FirstOrDefault(c => c.Name == name && _index.EntryOf(c)?.Family == ConnectorFamily.SharedData)
            : null;

    // The client glue's extra constructor argument, for the blocking and the awaitable glue alike.
    private string CallBufferArgument(ConnectionModel connection, ConnectionEndModel client)
    {
        if (CallBufferOf(connection) is not { } buffer)
        {
            return string.Empty;
        }

        var first = buffer.Ends[0];
        var size = RegionSize(buffer, DataportType(InterfaceOf(first.Instance, first.Interface)?.TypeName ?? "Buf"));
        return $", buffer: new {Glue}.CallBuffer({size}, {CSharpNames.Literal(client.Instance)}, {CSharpNames.Literal(client.Interface)})";
    }
}
