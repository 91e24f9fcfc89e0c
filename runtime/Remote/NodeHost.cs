using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UxRt.Camkes.Runtime.Hosting;
using UxRt.Camkes.Runtime.Kernel;

namespace UxRt.Camkes.Remote;

/// <summary>
/// Runs a generated system under the .NET Generic Host in one line (what the generated
/// <c>RunNodeAsync</c> calls): <c>AddCamkesSystem&lt;TSystem&gt;()</c> on a host whose configuration
/// comes from appsettings.json beside the program, the environment (<c>Camkes__Secret</c>,
/// <c>DOTNET_ENVIRONMENT</c>…) and the command line. <c>--node NAME</c> runs only that node, serving
/// and calling the other nodes over gRPC; without it the whole system runs in this process.
/// A program that builds its own host calls <c>builder.Services.AddCamkesSystem&lt;TSystem&gt;()</c> instead.
/// When <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (an Aspire AppHost sets it), the node's spans,
/// counters and logs are exported over OTLP (<see cref="CamkesOpenTelemetryExtensions"/>).
/// </summary>
public static class NodeHost
{
    /// <summary>The exit code of a node that could not start: unknown node or bad configuration.</summary>
    public const int ConfigurationError = SystemExitCodes.ConfigurationError;

    /// <summary>
    /// Runs until the node's control threads have returned, or, for a node without control
    /// threads, until every node that may call it has left; Ctrl+C or SIGTERM stops it earlier.
    /// Returns 0, or 1 after a fault that no fault handler took or a thread that did not stop,
    /// or <see cref="ConfigurationError"/>.
    /// </summary>
    public static async Task<int> RunAsync<TSystem>(string[] args, Action<SystemOptions>? configure = null)
        where TSystem : ICamkesSystem
    {
        // appsettings.json is read from beside the program, wherever it is started from.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddCamkesSystem<TSystem>(configure);
        if (CamkesOpenTelemetryExtensions.ExportConfigured(builder.Configuration))
        {
            builder.AddCamkesOpenTelemetry(TSystem.SystemName);
        }

        using var host = builder.Build();
        // Read before running: RunAsync disposes the host's container when it ends.
        var system = host.Services.GetRequiredService<CamkesSystemService<TSystem>>();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(TSystem.SystemName);
        try
        {
            await host.RunAsync().ConfigureAwait(false);
        }
        catch (OptionsValidationException exception)
        {
            // Bad settings are the user's to fix, not a crash: one line per bad key.
            logger.LogError("System {System} cannot start: {Reasons}", TSystem.SystemName, string.Join("; ", exception.Failures));
            return ConfigurationError;
        }

        return system.ExitCode ?? ConfigurationError;
    }
}
