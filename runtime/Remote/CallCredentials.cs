using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;

namespace UxRt.Camkes.Remote;

/// <summary>
/// The credential headers of one imported connection end, one per badge its clients call with
/// (usually one): derived on first use and reused, so a call derives nothing.
/// </summary>
internal sealed class CallCredentials(RemoteNode node, string connection, string instance, string interfaceName)
{
    private readonly ConcurrentDictionary<int, Metadata> _byBadge = new();

    /// <summary>
    /// The headers of a call with <paramref name="badge"/>. Inside a traced operation they also carry
    /// its W3C trace context, set here so that the server's span is a child of the caller's own
    /// (not of an HTTP span that nobody records).
    /// </summary>
    public Metadata For(int badge)
    {
        var credential = _byBadge.GetOrAdd(badge, Create);
        if (Activity.Current is not { } activity)
        {
            return credential;
        }

        var traced = new Metadata { credential[0] };
        DistributedContextPropagator.Current.Inject(activity, traced, static (carrier, name, value) =>
        {
            if (value is not null)
            {
                ((Metadata)carrier!).Add(name, value);
            }
        });
        return traced;
    }

    private Metadata Create(int badge) => new()
    {
        { ConnectionCredential.MetadataKey, node.Credential(connection, instance, interfaceName, node.Node, badge) },
    };
}
