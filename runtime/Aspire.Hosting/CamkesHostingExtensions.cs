using System.Net.Sockets;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using UxRt.Camkes.Runtime.Kernel;

// In Aspire's own namespace, as every hosting integration's extensions are, so `builder.` finds it.
namespace Aspire.Hosting;

/// <summary>Runs a UxRt.Camkes system's nodes as resources of a .NET Aspire AppHost.</summary>
public static class CamkesHostingExtensions
{
    /// <summary>The name of each node's endpoint: where it serves the other nodes (gRPC over HTTP/2).</summary>
    public const string EndpointName = "camkes";

    /// <summary>
    /// Adds one resource per node of <typeparamref name="TSystem"/> (the generated system class of
    /// project <typeparamref name="TProject"/>, whose assembly the AppHost references), each running
    /// the project with <c>--node NAME</c>. Every node gets an endpoint that Aspire allocates, the
    /// URL of every node (<c>Camkes:Nodes:NAME:Url</c>), the system secret (<c>Camkes:Secret</c>,
    /// the secret parameter <c>{name}-secret</c>, generated and kept in the AppHost's user secrets
    /// unless configured as <c>Parameters:{name}-secret</c>) and a health check that passes once
    /// the node accepts connections. Resources are named <c>{name}-{node}</c>.
    /// </summary>
    public static CamkesSystemResources AddCamkesSystem<TProject, TSystem>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new()
        where TSystem : ICamkesSystem
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var secret = builder.AddParameter($"{name}-secret", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);
        var nodes = new Dictionary<string, IResourceBuilder<ProjectResource>>(StringComparer.Ordinal);
        foreach (var node in TSystem.Nodes)
        {
            // Not proxied: a node listens on the port of its own URL, the one the others call.
            var resource = builder.AddProject<TProject>($"{name}-{ResourceName(node)}")
                .WithArgs("--node", node)
                .WithHttpEndpoint(name: EndpointName, isProxied: false)
                .AsHttp2Service()
                .WithEnvironment("Camkes__Secret", secret);
            nodes.Add(node, resource);
        }

        foreach (var (node, resource) in nodes)
        {
            foreach (var (other, otherResource) in nodes)
            {
                resource.WithEnvironment($"Camkes__Nodes__{other}__Url", otherResource.GetEndpoint(EndpointName));
            }

            var endpoint = resource.GetEndpoint(EndpointName);
            var check = $"{resource.Resource.Name}-accepts";
            builder.Services.AddHealthChecks().AddAsyncCheck(check, cancellation => AcceptsAsync(endpoint, cancellation));
            resource.WithHealthCheck(check);
        }

        return new CamkesSystemResources(TSystem.SystemName, nodes, secret);
    }

    // A node is healthy once it accepts connections on its endpoint: its server has started.
    private static async Task<HealthCheckResult> AcceptsAsync(EndpointReference endpoint, CancellationToken cancellation)
    {
        if (!endpoint.IsAllocated)
        {
            return HealthCheckResult.Unhealthy("endpoint not allocated yet");
        }

        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(endpoint.Host, endpoint.Port, cancellation).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (SocketException exception)
        {
            return HealthCheckResult.Unhealthy($"{endpoint.Url} refuses connections", exception);
        }
    }

    // Aspire's resource names are letters, digits and hyphens; node names may hold underscores.
    internal static string ResourceName(string node) => node.Replace('_', '-').ToLowerInvariant();
}
