using System.ComponentModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using UxRt.Camkes.Runtime.Hosting;
using UxRt.Camkes.Runtime.Kernel;

namespace UxRt.Camkes.Remote;

/// <summary>
/// The hosted form of a <see cref="RemoteNode"/>: what carries a node's connections to the other
/// nodes when a system runs under the Generic Host with <c>--node NAME</c>. Its settings come from
/// configuration (<c>Camkes:Nodes:NAME:Url</c>, <c>Camkes:Secret</c>, …; see <see cref="RemoteNodeOptions"/>).
/// A generated system whose nodes can run apart registers it itself (<c>AddCamkesSystem</c>).
/// </summary>
public sealed class RemoteNodeLink : INodeLink, IAsyncDisposable
{
    private readonly IConfiguration _configuration;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly string _systemName;
    private readonly IReadOnlyList<string> _nodes;

    public RemoteNodeLink(IConfiguration configuration, ILoggerFactory loggerFactory, string systemName, IReadOnlyList<string> nodes)
    {
        _configuration = configuration;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger(systemName);
        _systemName = systemName;
        _nodes = nodes;
    }

    /// <summary>The node's end of the transport once <see cref="ConnectAsync"/> has run; null before.</summary>
    public RemoteNode? Remote { get; private set; }

    /// <summary>Registers the link for system <paramref name="systemName"/> (what generated code calls).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Register(IServiceCollection services, string systemName, IReadOnlyList<string> nodes)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<INodeLink>(provider => new RemoteNodeLink(
            provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<ILoggerFactory>(), systemName, nodes));
    }

    /// <summary>The remote node a hosted system's node is wired through; null for a whole system in one process.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static RemoteNode? RemoteOf(SystemContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Node is null ? null : (context.Services.GetService<INodeLink>() as RemoteNodeLink)?.Remote;
    }

    /// <exception cref="InvalidOperationException">The node's configuration is missing or wrong (its message says which key).</exception>
    public async Task ConnectAsync(string node, CancellationToken cancellationToken)
    {
        Remote = new RemoteNode(RemoteNodeOptions.FromConfiguration(_configuration, _systemName, node, _nodes), _loggerFactory);
        await Remote.StartAsync(cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Node {Node} of {System} listening on {Url}", node, _systemName, Remote.ListenUri);
    }

    public void Open(SystemKernel kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        var remote = Remote ?? throw new InvalidOperationException("the node link has not connected yet");
        remote.Open();

        // Stop frees this node's callers of other nodes at once, with the kernel's own named fault.
        kernel.StopToken.UnsafeRegister(static state => ((RemoteNode)state!).AbandonCalls(), remote);
        if (!kernel.HasControlThreads)
        {
            // A node of servers only: it is done when nobody can call it any more.
            _ = remote.ImportersLeft.ContinueWith(_ => kernel.RequestStop(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    public Task LeaveAsync(CancellationToken cancellationToken) =>
        Remote is { } remote ? remote.LeaveAsync().WaitAsync(cancellationToken) : Task.CompletedTask;

    public ValueTask DisposeAsync() => Remote is { } remote ? remote.DisposeAsync() : ValueTask.CompletedTask;
}
