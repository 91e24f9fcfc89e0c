using System.Collections.Concurrent;
using Grpc.Core;

namespace UxRt.Camkes.Remote;

/// <summary>
/// The credential headers of one imported connection end, one per badge its clients call with
/// (usually one): derived on first use and reused, so a call derives nothing.
/// </summary>
internal sealed class CallCredentials(RemoteNode node, string connection, string instance, string interfaceName)
{
    private readonly ConcurrentDictionary<int, Metadata> _byBadge = new();

    public Metadata For(int badge) => _byBadge.GetOrAdd(badge, Create);

    private Metadata Create(int badge) => new()
    {
        { ConnectionCredential.MetadataKey, node.Credential(connection, instance, interfaceName, node.Node, badge) },
    };
}
