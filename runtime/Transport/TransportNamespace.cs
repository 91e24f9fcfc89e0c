namespace UxRt.Camkes.Runtime.Transport;

/// <summary>
/// The transport paths one instance was granted: its <c>uses</c> ends of UxrtTransport
/// connections, by path, as in a Plan 9 namespace. Only those can be opened; any other path is
/// <see cref="TransportStatus.NoEntry"/>.
/// </summary>
public sealed class TransportNamespace
{
    private readonly Dictionary<string, TransportClient> _byPath = new(StringComparer.Ordinal);

    public TransportNamespace(string instance, IEnumerable<TransportClient?> granted)
    {
        ArgumentNullException.ThrowIfNull(granted);
        Instance = instance;
        foreach (var client in granted)
        {
            if (client is not null)
            {
                _byPath[client.Path] = client;
            }
        }
    }

    public string Instance { get; }

    /// <summary>Every path this instance may open.</summary>
    public IReadOnlyCollection<string> Paths => _byPath.Keys;

    /// <summary>The connection end for <paramref name="path"/>; 0, or <see cref="TransportStatus.NoEntry"/> when the path was not granted.</summary>
    public long Lookup(string path, out TransportClient? client) =>
        _byPath.TryGetValue(path, out client) ? 0 : TransportStatus.NoEntry;

    /// <summary>Opens <paramref name="path"/> as a stream; 0, or <see cref="TransportStatus.NoEntry"/> when the path was not granted.</summary>
    public long TryOpen(string path, out TransportStream? stream)
    {
        var status = Lookup(path, out var client);
        stream = client?.OpenStream();
        return status;
    }

    /// <summary>Opens <paramref name="path"/> as a stream.</summary>
    /// <exception cref="FileNotFoundException">The specification connected no such path to this instance.</exception>
    public TransportStream Open(string path)
    {
        if (Lookup(path, out var client) < 0)
        {
            var granted = _byPath.Count == 0 ? "none" : string.Join(", ", _byPath.Keys.Order(StringComparer.Ordinal));
            throw new FileNotFoundException($"'{path}' is not granted to instance '{Instance}' (the specification connects it to: {granted})", path);
        }

        return client!.OpenStream();
    }
}
