using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using UxRt.Camkes.Runtime.Kernel;

namespace UxRt.Camkes.Remote;

/// <summary>
/// Runs a generated system under the .NET generic host. Configuration comes from appsettings.json
/// beside the program (copy it to the output directory), the environment (<c>Camkes__Secret</c>, <c>DOTNET_ENVIRONMENT</c>…) and the command line:
/// <c>--node NAME</c> runs only that node, serving and calling the other nodes over gRPC; without
/// it the whole system runs in this process exactly like <c>XSystem.Run()</c>.
/// </summary>
public static class NodeHost
{
    /// <summary>The exit code of a node that could not start: unknown node or bad configuration.</summary>
    public const int ConfigurationError = 2;

    /// <summary>
    /// Runs until the node's control threads have returned, or, for a node without control
    /// threads, until every node that may call it has left; Ctrl+C or SIGTERM stops it earlier.
    /// Returns 0, or 1 after a fault that no fault handler took or a thread that did not stop
    /// (as <see cref="SystemKernel.Run"/>), or <see cref="ConfigurationError"/>.
    /// </summary>
    public static async Task<int> RunAsync(
        string[] args,
        string systemName,
        IReadOnlyList<string> nodes,
        Func<ILogger, string?, RemoteNode?, SystemKernel> create,
        Action<SystemKernel>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(create);
        // appsettings.json is read from beside the program, wherever it is started from.
        using var host = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory }).Build();
        var configuration = host.Services.GetRequiredService<IConfiguration>();
        var loggerFactory = host.Services.GetRequiredService<ILoggerFactory>();
        var logger = loggerFactory.CreateLogger(systemName);
        var node = configuration["node"];
        if (string.IsNullOrEmpty(node))
        {
            using var whole = create(logger, null, null);
            configure?.Invoke(whole);
            return whole.Run();
        }

        if (!nodes.Contains(node))
        {
            logger.LogError("System {System} has no node '{Node}'; its nodes are {Nodes}", systemName, node, string.Join(", ", nodes));
            return ConfigurationError;
        }

        RemoteNode remote;
        try
        {
            remote = new RemoteNode(RemoteNodeOptions.FromConfiguration(configuration, systemName, node, nodes), loggerFactory);
        }
        catch (InvalidOperationException exception)
        {
            logger.LogError("Node {Node} of {System} cannot start: {Reason}", node, systemName, exception.Message);
            return ConfigurationError;
        }

        await using (remote)
        {
            await remote.StartAsync().ConfigureAwait(false);
            logger.LogInformation("Node {Node} of {System} listening on {Url}", node, systemName, remote.ListenUri);

            // The host's lifetime turns Ctrl+C and SIGTERM into a stop request.
            await host.StartAsync().ConfigureAwait(false);
            using var kernel = create(logger, node, remote);
            configure?.Invoke(kernel);
            using var onStopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(kernel.RequestStop);
            kernel.Start();
            remote.Open();
            if (!kernel.HasControlThreads)
            {
                // A node of servers only: it is done when nobody can call it any more.
                _ = remote.ImportersLeft.ContinueWith(_ => kernel.RequestStop(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }

            await Task.Factory.StartNew(() => kernel.WaitUntilFinished(Timeout.InfiniteTimeSpan), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
            // Stopped before leaving: the last signals are sent after the last component has run.
            var exitCode = kernel.StopWithExitCode();
            await remote.LeaveAsync().ConfigureAwait(false);
            await host.StopAsync().ConfigureAwait(false);
            return exitCode;
        }
    }
}
