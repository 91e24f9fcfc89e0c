using Google.Protobuf;

namespace UxRt.Camkes.Remote;

/// <summary>
/// The server's check that a request comes from the node it names and is new: the MAC must match
/// under that node's call key (which only it and this node hold), then the request must pass the
/// replay window. The MAC is checked first, so a forger cannot fill the replay cache.
/// </summary>
internal sealed class RequestVerifier(NodeKeys keys, ReplayGuard replays)
{
    public ReplayGuard Replays => replays;

    /// <summary>
    /// Null when the request is authentic and fresh (<paramref name="key"/> is then the pair's key,
    /// to MAC the reply with); otherwise why it is refused.
    /// </summary>
    public string? Refusal(string callerNode, ulong callId, long sentAtMs, ByteString presented, Func<byte[], byte[]> expectedMac, out byte[] key) =>
        Forgery(callerNode, presented, expectedMac, out key) ?? replays.Admit(callerNode, callId, sentAtMs);

    /// <summary>The MAC check alone (null: authentic), for a call that must be registered before it is admitted.</summary>
    public string? Forgery(string callerNode, ByteString presented, Func<byte[], byte[]> expectedMac, out byte[] key)
    {
        key = keys.FromCaller(callerNode);
        if (!MessageAuthentication.Matches(expectedMac(key), presented))
        {
            return $"the MAC of the request from node '{LogText.Untrusted(callerNode)}' does not match: not that node, or a credential moved to another request";
        }

        return null;
    }
}
