using UxRt.Camkes.Remote.Glue;

namespace UxRt.Camkes.Remote;

/// <summary>
/// A connection end served to other nodes, with the callers the spec allows. That a request really
/// comes from the node it names is the MAC's to prove (<see cref="RequestVerifier"/>); this says
/// whether that node, with that badge, may use this end at all.
/// </summary>
internal sealed class ExportedEnd
{
    private readonly HashSet<RemoteCaller> _callers;

    public ExportedEnd(string connection, string instance, string interfaceName, IEnumerable<RemoteCaller> callers)
    {
        Connection = connection;
        Instance = instance;
        Interface = interfaceName;
        _callers = [.. callers];
    }

    public string Connection { get; }

    public string Instance { get; }

    public string Interface { get; }

    /// <summary>The nodes that may call (or signal) this end.</summary>
    public IEnumerable<string> CallerNodes => _callers.Select(caller => caller.Node).Distinct();

    /// <summary>Null when <paramref name="caller"/> may use this end; otherwise why not (untrusted names truncated).</summary>
    public string? Refusal(string instance, string interfaceName, RemoteCaller caller)
    {
        if (instance != Instance || interfaceName != Interface)
        {
            return $"connection '{Connection}' ends at {Instance}.{Interface}, not {LogText.Untrusted(instance)}.{LogText.Untrusted(interfaceName)}";
        }

        return _callers.Contains(caller) ? null : $"node '{LogText.Untrusted(caller.Node)}' with badge {caller.Badge} is not a caller of connection '{Connection}'";
    }
}
