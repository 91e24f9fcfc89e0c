using UxRt.Camkes.Remote.Glue;

namespace UxRt.Camkes.Remote;

/// <summary>
/// A connection end served to other nodes, with the callers the spec allows: each caller's
/// credential is derived once, so the check on a call is a lookup and a constant-time compare.
/// </summary>
internal sealed class ExportedEnd
{
    private readonly Dictionary<RemoteCaller, string> _credentials = new();

    public ExportedEnd(string connection, string instance, string interfaceName, IEnumerable<RemoteCaller> callers, Func<RemoteCaller, string> credential)
    {
        Connection = connection;
        Instance = instance;
        Interface = interfaceName;
        foreach (var caller in callers)
        {
            _credentials[caller] = credential(caller);
        }
    }

    public string Connection { get; }

    public string Instance { get; }

    public string Interface { get; }

    /// <summary>The nodes that may call (or signal) this end.</summary>
    public IEnumerable<string> CallerNodes => _credentials.Keys.Select(caller => caller.Node);

    /// <summary>Null when <paramref name="caller"/> may use this end and proved it; otherwise why not.</summary>
    public string? Refusal(string instance, string interfaceName, RemoteCaller caller, string? presented)
    {
        if (instance != Instance || interfaceName != Interface)
        {
            return $"connection '{Connection}' ends at {Instance}.{Interface}, not {instance}.{interfaceName}";
        }

        if (!_credentials.TryGetValue(caller, out var expected))
        {
            return $"node '{caller.Node}' with badge {caller.Badge} is not a caller of connection '{Connection}'";
        }

        return ConnectionCredential.Matches(expected, presented) ? null : $"the credential of node '{caller.Node}' for connection '{Connection}' does not match";
    }
}
