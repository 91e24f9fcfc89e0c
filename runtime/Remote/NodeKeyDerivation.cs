using System.Security.Cryptography;
using System.Text;

namespace UxRt.Camkes.Remote;

/// <summary>
/// How node keys are made, for an orchestrator that hands each node only its own keys instead of
/// the system secret. Each node has a key of its own, derived with HKDF-SHA256 from the system
/// secret and its name; the key a node uses to call node S is derived from S's key and the caller's
/// name. So S can check every caller, a caller holds only the keys of the nodes it calls, and no
/// node holding only its own keys can pass for another node.
/// </summary>
/// <remarks>
/// This one file is compiled into UxRt.Camkes.Remote (public there, see NodeKeyDerivation.Public.cs)
/// and into UxRt.Camkes.Aspire.Hosting (internal), whose AppHost issues the keys without the transport.
/// </remarks>
static partial class NodeKeyDerivation
{
    /// <summary>The length of every key, in bytes (one SHA-256 output).</summary>
    public const int KeyLength = 32;

    /// <summary>Node <paramref name="node"/>'s own key (<c>Camkes:NodeKey</c> on that node), derived from the system secret.</summary>
    public static byte[] NodeKey(string secret, string systemName, string node)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return NodeKey(Encoding.UTF8.GetBytes(secret), systemName, node);
    }

    /// <summary>
    /// The key that node <paramref name="callerNode"/> calls the node whose own key is
    /// <paramref name="serverNodeKey"/> with (<c>Camkes:CallKeys:&lt;server&gt;</c> on the caller);
    /// the server derives it itself from its own key.
    /// </summary>
    public static byte[] CallKey(byte[] serverNodeKey, string callerNode)
    {
        ArgumentNullException.ThrowIfNull(serverNodeKey);
        ArgumentNullException.ThrowIfNull(callerNode);
        if (serverNodeKey.Length != KeyLength)
        {
            throw new ArgumentException($"a node key is {KeyLength} bytes, not {serverNodeKey.Length}", nameof(serverNodeKey));
        }

        // The node key is already a uniformly random pseudo-random key: HKDF's expand step suffices.
        return HKDF.Expand(HashAlgorithmName.SHA256, serverNodeKey, KeyLength, Encoding.UTF8.GetBytes("uxrt-camkes call key v1\0" + callerNode));
    }

    internal static byte[] NodeKey(byte[] secret, string systemName, string node)
    {
        ArgumentNullException.ThrowIfNull(systemName);
        ArgumentNullException.ThrowIfNull(node);

        // The system's name is the salt: two systems sharing a secret still have different keys.
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, KeyLength, Encoding.UTF8.GetBytes("uxrt-camkes system\0" + systemName), Encoding.UTF8.GetBytes("uxrt-camkes node key v1\0" + node));
    }
}
