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
    /// The shared secret the per-connection credentials are derived from (<c>Camkes:Secret</c>).
    /// Null: a development secret derived from the system name, accepted only while every node is on loopback.
    /// </summary>
    public string? Secret { get; init; }

    /// <summary>How long a call waits for an answer (<c>Camkes:CallDeadline</c>) before it faults with "node unreachable".</summary>
    public TimeSpan CallDeadline { get; init; } = DefaultCallDeadline;

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

        var deadline = DefaultCallDeadline;
        if (camkes["CallDeadline"] is { } deadlineText && (!TimeSpan.TryParse(deadlineText, System.Globalization.CultureInfo.InvariantCulture, out deadline) || deadline <= TimeSpan.Zero))
        {
            throw new InvalidOperationException($"Camkes:CallDeadline '{deadlineText}' is not a positive time span (for example 00:00:05)");
        }

        return new RemoteNodeOptions
        {
            SystemName = systemName,
            Node = node,
            Urls = urls,
            Secret = string.IsNullOrEmpty(camkes["Secret"]) ? null : camkes["Secret"],
            CallDeadline = deadline,
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
            throw new InvalidOperationException($"system '{SystemName}' has nodes on other hosts but no shared secret: set Camkes:Secret (the same on every node) so that nodes can prove who calls");
        }

        // Anyone on this machine can derive it: good enough for development on one host, never across hosts.
        return Encoding.UTF8.GetBytes("uxrt-camkes-development:" + SystemName);
    }

    internal static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

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
