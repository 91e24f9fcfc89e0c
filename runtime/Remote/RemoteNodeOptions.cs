using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace UxRt.Camkes.Remote;

/// <summary>
/// Where each node of a system listens and how nodes trust each other. <see cref="FromConfiguration"/>
/// reads the <c>Camkes:</c> keys; a test can fill it in directly.
/// </summary>
public sealed record RemoteNodeOptions
{
    /// <summary>How long a call or signal waits for a node that is down or does not answer when no deadline is configured.</summary>
    public static readonly TimeSpan DefaultCallDeadline = TimeSpan.FromSeconds(5);

    /// <summary>The generated system's name: part of every credential, so two systems sharing a secret cannot call each other.</summary>
    public required string SystemName { get; init; }

    /// <summary>The node this process runs.</summary>
    public required string Node { get; init; }

    /// <summary>Every node's address (<c>Camkes:Nodes:&lt;node&gt;:Url</c>): this node listens on its own, and dials the others.</summary>
    public required IReadOnlyDictionary<string, Uri> Urls { get; init; }

    /// <summary>
    /// The system secret every node's keys are derived from (<c>Camkes:Secret</c>; <see cref="NodeKeyDerivation"/>).
    /// Null: a development secret derived from the system name, accepted only while every node is on loopback.
    /// </summary>
    public string? Secret { get; init; }

    /// <summary>
    /// This node's own key (<c>Camkes:NodeKey</c>, 32 bytes in base64), issued by whoever deploys
    /// the system (<see cref="NodeKeyDerivation.NodeKey"/>). With it the secret is not used: the
    /// node then holds only its own key and <see cref="CallKeys"/>, and cannot pass for another node.
    /// Null: derived from <see cref="Secret"/>.
    /// </summary>
    public byte[]? NodeKey { get; init; }

    /// <summary>
    /// The keys this node calls other nodes with, by node (<c>Camkes:CallKeys:&lt;node&gt;</c>, base64;
    /// <see cref="NodeKeyDerivation.CallKey"/>). A node without one is called with a key derived from
    /// <see cref="Secret"/>, or not at all when only <see cref="NodeKey"/> is given.
    /// </summary>
    public IReadOnlyDictionary<string, byte[]>? CallKeys { get; init; }

    /// <summary>How far the clocks of two nodes may differ (<c>Camkes:MaxClockSkew</c>); with the call deadline it bounds the replay window.</summary>
    public TimeSpan MaxClockSkew { get; init; } = DefaultMaxClockSkew;

    /// <summary>The clock skew allowed when none is configured.</summary>
    public static readonly TimeSpan DefaultMaxClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>How long a call waits for an answer (<c>Camkes:CallDeadline</c>) before it is cancelled and faults as not delivered, timed out while running, or unreachable.</summary>
    public TimeSpan CallDeadline { get; init; } = DefaultCallDeadline;

    /// <summary>
    /// The largest message one call may bring to this node's servers (<c>Camkes:MaxMessageSize</c>,
    /// bytes): by default the buffer every generated client marshals into, so that a peer cannot make
    /// a server allocate more than a legitimate call could need. Raise it only for hand-written
    /// clients with larger buffers; at most <see cref="MaxMessageSizeLimit"/>.
    /// </summary>
    public int MaxMessageSize { get; init; } = UxRt.Camkes.Runtime.Glue.MessageFrame.DefaultCapacity;

    /// <summary>gRPC's own limit on a received message, which no setting can go past.</summary>
    public const int MaxMessageSizeLimit = 4 * 1024 * 1024;

    /// <summary>This node's TLS certificate with its private key (<c>Camkes:Nodes:&lt;node&gt;:Certificate:Path</c>, a PKCS#12 file, and <c>:Password</c>); null serves plain HTTP/2 on loopback only.</summary>
    public X509Certificate2? Certificate { get; init; }

    /// <summary>The certificate (or root) that other nodes' certificates must chain to (<c>Camkes:TrustedCertificate</c>, a PEM or DER file).</summary>
    public X509Certificate2? TrustedCertificate { get; init; }

    /// <summary>Reads the options for <paramref name="node"/> of a system whose nodes are <paramref name="nodes"/>.</summary>
    /// <exception cref="InvalidOperationException">A node has no Url, a setting is malformed, or a certificate cannot be loaded.</exception>
    public static RemoteNodeOptions FromConfiguration(IConfiguration configuration, string systemName, string node, IReadOnlyList<string> nodes)
    {
        var camkes = configuration.GetSection("Camkes");
        var urls = new Dictionary<string, Uri>(StringComparer.Ordinal);
        foreach (var name in nodes)
        {
            var url = camkes[$"Nodes:{name}:Url"]
                ?? throw new InvalidOperationException($"node '{name}' has no address: set Camkes:Nodes:{name}:Url (for example http://127.0.0.1:5201)");
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new InvalidOperationException($"Camkes:Nodes:{name}:Url '{url}' is not an http:// or https:// address");
            }

            urls[name] = uri;
        }

        var deadline = PositiveTimeSpan(camkes, "CallDeadline", DefaultCallDeadline);
        var skew = PositiveTimeSpan(camkes, "MaxClockSkew", DefaultMaxClockSkew);
        var callKeys = camkes.GetSection("CallKeys").GetChildren().ToDictionary(key => key.Key, key => Key(key.Value, $"Camkes:CallKeys:{key.Key}"), StringComparer.Ordinal);

        return new RemoteNodeOptions
        {
            SystemName = systemName,
            Node = node,
            Urls = urls,
            Secret = string.IsNullOrEmpty(camkes["Secret"]) ? null : camkes["Secret"],
            CallDeadline = deadline,
            MaxClockSkew = skew,
            MaxMessageSize = MessageSize(camkes),
            NodeKey = camkes["NodeKey"] is { Length: > 0 } nodeKey ? Key(nodeKey, "Camkes:NodeKey") : null,
            CallKeys = callKeys.Count == 0 ? null : callKeys,
            Certificate = camkes[$"Nodes:{node}:Certificate:Path"] is { } path
                ? LoadCertificate(path, camkes[$"Nodes:{node}:Certificate:Password"], withKey: true)
                : null,
            TrustedCertificate = camkes["TrustedCertificate"] is { } trusted ? LoadCertificate(trusted, password: null, withKey: false) : null,
        };
    }

    /// <summary>Whether every node's address is on this machine's loopback, where no other host can reach it.</summary>
    public bool AllNodesOnLoopback => Urls.Values.All(IsLoopback);

    /// <summary>The key the credentials are derived from.</summary>
    /// <exception cref="InvalidOperationException">No secret is configured and some node is not on loopback.</exception>
    internal byte[] SecretKey()
    {
        if (Secret is { } secret)
        {
            return Encoding.UTF8.GetBytes(secret);
        }

        if (!AllNodesOnLoopback)
        {
            throw new InvalidOperationException($"system '{SystemName}' has nodes on other hosts but no shared secret: set Camkes:Secret (the same on every node), or give each node its own keys (Camkes:NodeKey, Camkes:CallKeys), so that nodes can prove who calls");
        }

        // Anyone on this machine can derive it: good enough for development on one host, never across hosts.
        return Encoding.UTF8.GetBytes("uxrt-camkes-development:" + SystemName);
    }

    internal static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static TimeSpan PositiveTimeSpan(IConfiguration camkes, string key, TimeSpan fallback)
    {
        if (camkes[key] is not { } text)
        {
            return fallback;
        }

        return TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero
            ? value
            : throw new InvalidOperationException($"Camkes:{key} '{text}' is not a positive time span (for example 00:00:05)");
    }

    private static int MessageSize(IConfiguration camkes)
    {
        if (camkes["MaxMessageSize"] is not { } text)
        {
            return UxRt.Camkes.Runtime.Glue.MessageFrame.DefaultCapacity;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value is > 0 and <= MaxMessageSizeLimit
            ? value
            : throw new InvalidOperationException($"Camkes:MaxMessageSize '{LogText.Untrusted(text)}' is not a byte count from 1 to {MaxMessageSizeLimit}");
    }

    // Keys travel in configuration as base64; a key of the wrong length is a configuration error, named by its key.
    private static byte[] Key(string? base64, string name)
    {
        try
        {
            var key = Convert.FromBase64String(base64 ?? "");
            return key.Length == NodeKeyDerivation.KeyLength ? key : throw new InvalidOperationException($"{name} is {key.Length} bytes; a node key is {NodeKeyDerivation.KeyLength} bytes of base64");
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{name} is not base64");
        }
    }

    // A node's own certificate needs its private key: PKCS#12 (.pfx/.p12). A trusted one is public: PEM or DER.
    private static X509Certificate2 LoadCertificate(string path, string? password, bool withKey)
    {
        try
        {
            return withKey ? X509CertificateLoader.LoadPkcs12FromFile(path, password) : X509CertificateLoader.LoadCertificateFromFile(path);
        }
        catch (Exception exception) when (exception is IOException or System.Security.Cryptography.CryptographicException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"cannot load certificate '{path}': {exception.Message}", exception);
        }
    }
}
