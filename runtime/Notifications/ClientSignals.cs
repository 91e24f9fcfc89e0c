namespace UxRt.Camkes.Runtime.Notifications;

/// <summary>
/// The server end's signals of a connector that gives each client a notification of its own
/// (global-components' seL4TimeServer and seL4RPCCallSignal): <c>&lt;iface&gt;_emit(badge)</c>
/// signals the client whose calls carry that badge, <c>&lt;iface&gt;_largest_badge()</c> says how
/// many there are. Badges run from 1, in the order of the connection's <c>from</c> ends.
/// </summary>
public sealed class ClientSignals
{
    private readonly Notification[] _clients;

    public ClientSignals(IEnumerable<Notification> clientsByBadge)
    {
        ArgumentNullException.ThrowIfNull(clientsByBadge);
        _clients = clientsByBadge.ToArray();
    }

    /// <summary>An interface no connection uses: it has no clients to signal.</summary>
    public static ClientSignals Unconnected { get; } = new(Array.Empty<Notification>());

    /// <summary>The largest badge of a connected client (<c>&lt;iface&gt;_largest_badge()</c>); 0 with none.</summary>
    public int LargestBadge => _clients.Length;

    /// <summary>Signals the client with <paramref name="badge"/>. Never blocks.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No client has that badge.</exception>
    public void Emit(int badge)
    {
        if (badge < 1 || badge > _clients.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(badge), badge, $"no client has badge {badge}; the badges are 1 to {_clients.Length}");
        }

        _clients[badge - 1].Signal();
    }
}
