using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace UxRt.Camkes.Remote;

/// <summary>
/// The keys this node holds: its own (from which it derives the key of every node that calls it)
/// and, for each node it calls, the key to call it with; either issued through configuration or
/// derived from the system secret (<see cref="NodeKeyDerivation"/>).
/// </summary>
internal sealed class NodeKeys
{
    private readonly byte[] _ownKey;
    private readonly IReadOnlyDictionary<string, Uri> _nodes;
    private readonly IReadOnlyDictionary<string, byte[]> _issuedCallKeys;
    private readonly byte[]? _secret;
    private readonly string _systemName;
    private readonly ConcurrentDictionary<string, byte[]> _fromCaller = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _toServer = new(StringComparer.Ordinal);

    public NodeKeys(RemoteNodeOptions options)
    {
        _systemName = options.SystemName;
        _nodes = options.Urls;
        _issuedCallKeys = options.CallKeys ?? new Dictionary<string, byte[]>();
        _secret = options.NodeKey is null ? options.SecretKey() : null;
        _ownKey = options.NodeKey ?? NodeKeyDerivation.NodeKey(_secret!, options.SystemName, options.Node);
        Node = options.Node;
        if (_ownKey.Length != NodeKeyDerivation.KeyLength)
        {
            throw new InvalidOperationException($"Camkes:NodeKey of node '{Node}' is {_ownKey.Length} bytes; a node key is {NodeKeyDerivation.KeyLength} (base64)");
        }
    }

    public string Node { get; }

    /// <summary>
    /// The key <paramref name="callerNode"/> calls this node with. Kept for the nodes this node knows
    /// an address of; for any other name (it comes from the network) derived afresh each time, so
    /// that made-up names cannot fill memory.
    /// </summary>
    public byte[] FromCaller(string callerNode) =>
        _nodes.ContainsKey(callerNode) ? _fromCaller.GetOrAdd(callerNode, static (caller, own) => NodeKeyDerivation.CallKey(own, caller), _ownKey)
        : NodeKeyDerivation.CallKey(_ownKey, callerNode);

    /// <summary>The key this node calls <paramref name="serverNode"/> with.</summary>
    /// <exception cref="OptionsValidationException">
    /// It was neither issued nor can be derived (no system secret): a setting is missing, which a
    /// host reports as it reports any bad setting (NodeHost: exit code 2, naming the key).
    /// </exception>
    public byte[] ToServer(string serverNode) => _toServer.GetOrAdd(serverNode, server =>
        _issuedCallKeys.TryGetValue(server, out var issued) ? issued
        : _secret is not null ? NodeKeyDerivation.CallKey(NodeKeyDerivation.NodeKey(_secret, _systemName, server), Node)
        : throw new OptionsValidationException("Camkes", typeof(RemoteNodeOptions), [$"node '{Node}' has no key to call node '{server}': set Camkes:CallKeys:{server} (or Camkes:Secret)"]));
}
