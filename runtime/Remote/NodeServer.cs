using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace UxRt.Camkes.Remote;

/// <summary>
/// Kestrel serving the node protocol over HTTP/2 on the node's address: with TLS when the node has
/// a certificate, otherwise on loopback only, so that no other host reaches an unencrypted node.
/// </summary>
internal sealed class NodeServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    public NodeServer(RemoteNode node, RemoteNodeOptions options, ILoggerFactory loggerFactory)
    {
        var logger = loggerFactory.CreateLogger<NodeServer>();
        var url = options.Urls[options.Node];
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.Replace(ServiceDescriptor.Singleton(loggerFactory));
        builder.Services.AddLogging();
        builder.Services.AddRouting();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(new NodeService(node));
        builder.WebHost.UseKestrelCore().UseKestrelHttpsConfiguration().ConfigureKestrel(kestrel =>
        {
            var address = ListenAddress(url, options.Certificate is not null, logger);
            kestrel.Listen(address, url.Port, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                if (options.Certificate is { } certificate)
                {
                    listen.UseHttps(certificate);
                }
            });
        });

        _app = builder.Build();
        _app.UseRouting();
        _app.MapGrpcService<NodeService>();
    }

    /// <summary>The address actually bound (its port resolved when the configured one was 0).</summary>
    public Uri? Address { get; private set; }

    public async Task StartAsync(CancellationToken cancellation)
    {
        await _app.StartAsync(cancellation).ConfigureAwait(false);
        var bound = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        Address = bound is null ? null : new Uri(bound);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static IPAddress ListenAddress(Uri url, bool secured, ILogger logger)
    {
        var host = url.Host.Trim('[', ']');
        var address = host is "localhost" ? IPAddress.Loopback
            : host is "*" or "+" or "0.0.0.0" ? IPAddress.Any
            : IPAddress.TryParse(host, out var parsed) ? parsed
            : Dns.GetHostAddresses(host).FirstOrDefault() ?? IPAddress.Any;

        if (!secured && !IPAddress.IsLoopback(address))
        {
            logger.LogWarning("Node address {Url} is not on loopback and the node has no certificate (Camkes:Nodes:<node>:Certificate:Path): listening on 127.0.0.1:{Port} only", url, url.Port);
            return IPAddress.Loopback;
        }

        return address;
    }
}
