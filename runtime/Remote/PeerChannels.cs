using System.Collections.Concurrent;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;
using UxRt.Camkes.Remote.Protocol;

namespace UxRt.Camkes.Remote;

/// <summary>
/// One gRPC channel per node this node calls, made on first use. A channel reconnects by itself
/// (with a short back-off, so a restarted node is reached again within about a second) and its
/// calls wait for it to be ready until their deadline.
/// </summary>
internal sealed class PeerChannels : IDisposable
{
    // Retried connections back off up to this: short, so calls resume soon after a node is back.
    private static readonly TimeSpan MaxReconnectBackoff = TimeSpan.FromSeconds(1);

    private readonly RemoteNodeOptions _options;
    private readonly ConcurrentDictionary<string, (GrpcChannel Channel, Node.NodeClient Client)> _peers = new(StringComparer.Ordinal);

    public PeerChannels(RemoteNodeOptions options) => _options = options;

    /// <exception cref="ArgumentException"><paramref name="node"/> has no address.</exception>
    public Node.NodeClient Client(string node) => _peers.GetOrAdd(node, Open).Client;

    public void Dispose()
    {
        foreach (var (channel, _) in _peers.Values)
        {
            channel.Dispose();
        }

        _peers.Clear();
    }

    private (GrpcChannel, Node.NodeClient) Open(string node)
    {
        if (!_options.Urls.TryGetValue(node, out var url))
        {
            throw new ArgumentException($"node '{node}' has no address (Camkes:Nodes:{node}:Url)", nameof(node));
        }

        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            // Pings find a connection to a host that vanished without closing it; calls then fail over to reconnecting.
            KeepAlivePingDelay = TimeSpan.FromSeconds(30),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(10),
        };
        if (_options.TrustedCertificate is { } trusted)
        {
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) => IsTrusted(certificate, errors, trusted),
            };
        }

        var channel = GrpcChannel.ForAddress(url, new GrpcChannelOptions
        {
            HttpHandler = handler,
            MaxReconnectBackoff = MaxReconnectBackoff,
            InitialReconnectBackoff = TimeSpan.FromMilliseconds(100),
        });
        return (channel, new Node.NodeClient(channel));
    }

    // A node's certificate is trusted when it chains to the configured one (a self-signed node
    // certificate can be its own trust anchor) and names the host dialled.
    private static bool IsTrusted(X509Certificate? presented, SslPolicyErrors errors, X509Certificate2 trusted)
    {
        if (presented is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var certificate = new X509Certificate2(presented);
        return chain.Build(certificate);
    }
}
