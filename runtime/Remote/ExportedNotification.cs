using UxRt.Camkes.Remote.Glue;
using UxRt.Camkes.Runtime.Notifications;

namespace UxRt.Camkes.Remote;

/// <summary>An exported notification end, the local notification its signals raise and the bits each emitting node may set.</summary>
internal sealed class ExportedNotification(ExportedEnd end, Notification notification, IEnumerable<RemoteCaller> emitters)
{
    private readonly Dictionary<string, int> _bitsByNode = emitters.GroupBy(e => e.Node).ToDictionary(g => g.Key, g => g.Aggregate(0, (bits, e) => bits | e.Badge));

    public ExportedEnd End => end;

    public Notification Notification => notification;

    public bool Allows(string node, int bits) => bits != 0 && _bitsByNode.TryGetValue(node, out var allowed) && (bits & ~allowed) == 0;
}
