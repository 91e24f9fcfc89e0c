using System.Security.Cryptography;
using System.Text;

namespace UxRt.Camkes.Remote;

/// <summary>
/// The proof a caller sends with each call or signal: an HMAC, keyed with the system's shared
/// secret, over everything that names the connection end. Both nodes derive it at start-up, so
/// the secret itself never travels and a credential opens exactly one end.
/// </summary>
internal static class ConnectionCredential
{
    /// <summary>The gRPC metadata key that carries the credential.</summary>
    public const string MetadataKey = "camkes-credential-bin";

    /// <summary>What a Leave is signed for: no connection, only the leaving node.</summary>
    public const string LeaveConnection = "<leave>";

    public static byte[] Derive(byte[] secret, string system, string connection, string instance, string interfaceName, string callerNode, int badge)
    {
        // Each part is length-prefixed, so no two different ends can produce the same text.
        var text = new StringBuilder();
        foreach (var part in new[] { system, connection, instance, interfaceName, callerNode, badge.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            text.Append(part.Length).Append(':').Append(part).Append(';');
        }

        return HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(text.ToString()));
    }

    public static bool Matches(byte[] expected, ReadOnlySpan<byte> presented) =>
        CryptographicOperations.FixedTimeEquals(expected, presented);
}
