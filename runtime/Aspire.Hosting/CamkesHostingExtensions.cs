using System.Net.Sockets;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using UxRt.Camkes.Remote;
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
    /// URL of every node (<c>Camkes:Nodes:NAME:Url</c>), its own identity and a health check that
    /// passes once the node accepts connections. Resources are named <c>{name}-{node}</c>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The identities come from the system secret, the secret parameter <c>{name}-secret</c>
    /// (generated and kept in the AppHost's user secrets unless configured as
    /// <c>Parameters:{name}-secret</c>), which stays with the AppHost: when it runs the system, node X
    /// gets only its own key (<c>Camkes:NodeKey</c>) and, for every other node Y, the key to call Y
    /// with (<c>Camkes:CallKeys:Y</c>), so no node can pass for another. A published manifest has no
    /// AppHost at run time to derive them: there every node gets the secret parameter (<c>Camkes:Secret</c>).
    /// </para>
    /// <para>
    /// A spec has no replicas: every instance is one component with its own state, so a node run
    /// twice would run each of its instances twice. A node resource given replicas (<c>WithReplicas</c>)
    /// makes the AppHost refuse to start, with a <see cref="DistributedApplicationException"/> naming it.
    /// </para>
    /// </remarks>
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
                .WithEnvironment(context => IdentityAsync(context, secret.Resource, TSystem.SystemName, node, TSystem.Nodes));
            nodes.Add(node, resource);
        }

        builder.Eventing.Subscribe<BeforeStartEvent>((_, _) => RefuseReplicas(TSystem.SystemName, nodes));

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

    // Run mode: the AppHost derives the node's keys from the secret, which the node never sees.
    // Publish mode: nothing derives them at deployment, so the manifest carries the secret parameter.
    private static async Task IdentityAsync(EnvironmentCallbackContext context, ParameterResource secret, string systemName, string node, IReadOnlyList<string> nodes)
    {
        if (context.ExecutionContext.IsPublishMode)
        {
            context.EnvironmentVariables["Camkes__Secret"] = secret;
            return;
        }

        var value = await secret.GetValueAsync(context.CancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(value))
        {
            throw new DistributedApplicationException($"the secret parameter '{secret.Name}' of system {systemName} has no value: set Parameters:{secret.Name}");
        }

        context.EnvironmentVariables["Camkes__NodeKey"] = Convert.ToBase64String(NodeKeyDerivation.NodeKey(value, systemName, node));
        foreach (var server in nodes.Where(other => other != node))
        {
            var callKey = NodeKeyDerivation.CallKey(NodeKeyDerivation.NodeKey(value, systemName, server), node);
            context.EnvironmentVariables[$"Camkes__CallKeys__{server}"] = Convert.ToBase64String(callKey);
        }
    }

    private static Task RefuseReplicas(string systemName, IReadOnlyDictionary<string, IResourceBuilder<ProjectResource>> nodes)
    {
        foreach (var (node, resource) in nodes)
        {
            var replicas = resource.Resource.Annotations.OfType<ReplicaAnnotation>().LastOrDefault()?.Replicas ?? 1;
            if (replicas != 1)
            {
                throw new DistributedApplicationException(
                    $"{resource.Resource.Name} (node '{node}' of system {systemName}) has {replicas} replicas, but a node runs once: each of its component instances is one instance of the spec, with its own state. Remove WithReplicas; to run more instances, add them to the spec.");
            }
        }

        return Task.CompletedTask;
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
