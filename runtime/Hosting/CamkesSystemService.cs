using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UxRt.Camkes.Runtime.Kernel;

namespace UxRt.Camkes.Runtime.Hosting;

/// <summary>
/// Runs the generated system <typeparamref name="TSystem"/> as a hosted service: built and started
/// with the host, stopped with it (Ctrl+C, SIGTERM, <see cref="IHostApplicationLifetime.StopApplication"/>),
/// and stopping the host itself when the system is done (its control threads returned or a component
/// asked it to stop). The system's exit code becomes the process's (<see cref="Environment.ExitCode"/>).
/// With <c>--node NAME</c> (configuration key <c>node</c>) only that node's part runs, its
/// connections carried by the registered <see cref="INodeLink"/>.
/// </summary>
public sealed class CamkesSystemService<TSystem> : IHostedService, IAsyncDisposable
    where TSystem : ICamkesSystem
{
    private readonly IServiceProvider _services;
    private readonly IOptions<SystemOptions> _options;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger _logger;
    private readonly string? _node;
    private INodeLink? _link;
    private Task? _watch;

    public CamkesSystemService(IServiceProvider services, IOptions<SystemOptions> options, IHostApplicationLifetime lifetime, ILoggerFactory loggerFactory, IConfiguration configuration)
    {
        _services = services;
        _options = options;
        _lifetime = lifetime;
        _logger = loggerFactory.CreateLogger(TSystem.SystemName);
        _node = configuration["node"] is { Length: > 0 } node ? node : null;
    }

    /// <summary>The running system, once the host has started it (tests read components through it).</summary>
    public SystemKernel? Kernel { get; private set; }

    /// <summary>The exit code the system ended with; null while it runs.</summary>
    public int? ExitCode { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_node is not null && !TSystem.Nodes.Contains(_node))
        {
            _logger.LogError("System {System} has no node '{Node}'; its nodes are {Nodes}", TSystem.SystemName, _node, string.Join(", ", TSystem.Nodes));
            EndWith(SystemExitCodes.ConfigurationError);
            return;
        }

        if (_node is not null)
        {
            _link = _services.GetService<INodeLink>();
            if (_link is null)
            {
                _logger.LogError("System {System} cannot run node '{Node}': no transport between nodes is registered (reference UxRt.Camkes.Remote)", TSystem.SystemName, _node);
                EndWith(SystemExitCodes.ConfigurationError);
                return;
            }

            try
            {
                await _link.ConnectAsync(_node, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidOperationException exception)
            {
                _logger.LogError("Node {Node} of {System} cannot start: {Reason}", _node, TSystem.SystemName, exception.Message);
                EndWith(SystemExitCodes.ConfigurationError);
                return;
            }
        }

        Kernel = TSystem.Create(new SystemContext(_services, _options.Value, _node));
        await Kernel.StartAsync(cancellationToken).ConfigureAwait(false);
        _link?.Open(Kernel);

        // A system that finishes by itself ends the application, as a console program would.
        _watch = Kernel.Finished.ContinueWith(_ => _lifetime.StopApplication(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Kernel is null || ExitCode is not null)
        {
            return;
        }

        // Stopped before leaving: the node's last signals go out after its last component has run.
        var notStopped = await Kernel.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_link is not null)
        {
            await _link.LeaveAsync(cancellationToken).ConfigureAwait(false);
        }

        EndWith(Kernel.ExitCodeAfter(notStopped));
    }

    public async ValueTask DisposeAsync()
    {
        if (Kernel is not null)
        {
            await Kernel.DisposeAsync().ConfigureAwait(false);
        }

        if (_watch is not null)
        {
            await _watch.ConfigureAwait(false);
        }
    }

    private void EndWith(int exitCode)
    {
        ExitCode = exitCode;
        if (exitCode != 0)
        {
            Environment.ExitCode = exitCode;
        }

        if (Kernel is null)
        {
            _lifetime.StopApplication();
        }
    }
}
