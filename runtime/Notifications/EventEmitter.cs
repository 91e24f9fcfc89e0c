namespace UxRt.Camkes.Runtime.Notifications;

/// <summary>
/// The emitting end of an event (<c>emits</c>): signals every notification its connection reaches
/// with this end's badge. One emitter to many consumers, or many emitters to one consumer.
/// </summary>
public sealed class EventEmitter
{
    /// <summary>An <c>emits</c> interface that no connection uses: emitting does nothing, as in CAmkES.</summary>
    public static readonly EventEmitter Unconnected = new(Array.Empty<Notification>());

    private readonly Notification[] _targets;
    private readonly int _badge;

    public EventEmitter(IEnumerable<Notification> targets, int badge = 1)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentOutOfRangeException.ThrowIfZero(badge);
        _targets = targets.ToArray();
        _badge = badge;
    }

    public int Badge => _badge;

    /// <summary>Signals every connected consumer. Never blocks.</summary>
    public void Emit()
    {
        foreach (var target in _targets)
        {
            target.Signal(_badge);
        }
    }
}
