using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary>
/// What <see cref="CamkesHostingExtensions.AddCamkesSystem{TProject, TSystem}"/> added to an
/// AppHost: one project resource per node of the system, and the system secret their identities come from.
/// </summary>
public sealed class CamkesSystemResources
{
    internal CamkesSystemResources(string systemName, IReadOnlyDictionary<string, IResourceBuilder<ProjectResource>> nodes, IResourceBuilder<ParameterResource> secret)
    {
        SystemName = systemName;
        Nodes = nodes;
        Secret = secret;
    }

    /// <summary>The system's name in its spec (the generated <c>SystemName</c>).</summary>
    public string SystemName { get; }

    /// <summary>Each node's resource, by the node's name in the spec.</summary>
    public IReadOnlyDictionary<string, IResourceBuilder<ProjectResource>> Nodes { get; }

    /// <summary>The secret parameter the AppHost derives every node's keys from (given to the nodes themselves only in a published manifest).</summary>
    public IResourceBuilder<ParameterResource> Secret { get; }

    /// <summary>The resource of node <paramref name="node"/>.</summary>
    public IResourceBuilder<ProjectResource> this[string node] =>
        Nodes.TryGetValue(node, out var resource) ? resource : throw new KeyNotFoundException($"System {SystemName} has no node '{node}'; its nodes are {string.Join(", ", Nodes.Keys)}");
}
