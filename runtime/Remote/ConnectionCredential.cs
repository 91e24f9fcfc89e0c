using System.Runtime.InteropServices;
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
    /// <summary>The gRPC metadata key that carries the credential (base64, made once, so a call encodes nothing).</summary>
    public const string MetadataKey = "camkes-credential";

    /// <summary>What a Leave is signed for: no connection, only the leaving node.</summary>
    public const string LeaveConnection = "<leave>";

    public static string Derive(byte[] secret, string system, string connection, string instance, string interfaceName, string callerNode, int badge)
    {
        // Each part is length-prefixed, so no two different ends can produce the same text.
        var text = new StringBuilder();
        foreach (var part in new[] { system, connection, instance, interfaceName, callerNode, badge.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            text.Append(part.Length).Append(':').Append(part).Append(';');
        }

        return Convert.ToBase64String(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Compares in constant time, so that a caller cannot find the credential byte by byte.</summary>
    public static bool Matches(string expected, string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(expected.AsSpan()), MemoryMarshal.AsBytes(presented.AsSpan()));
}
