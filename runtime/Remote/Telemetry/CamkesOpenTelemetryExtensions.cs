using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using UxRt.Camkes.Runtime.Diagnostics;

namespace UxRt.Camkes.Remote;

/// <summary>
/// Exports a hosted system's telemetry through OpenTelemetry: the runtime's spans and counters
/// (<see cref="KernelTelemetry.SourceName"/>) and the host's logs, with a resource that names the
/// system (<c>service.name</c>) and the node (<c>service.instance.id</c> and <c>camkes.node</c>).
/// <see cref="NodeHost"/> (the generated <c>RunNodeAsync</c>) calls it whenever
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, as an Aspire AppHost sets it for every node.
/// It lives here, not in UxRt.Camkes, so that a system that runs in one process takes no
/// OpenTelemetry dependency.
/// </summary>
public static class CamkesOpenTelemetryExtensions
{
    /// <summary>The configuration key that turns export over OTLP on (OpenTelemetry's own).</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The resource attribute naming the node a process runs; absent when it runs every node.</summary>
    public const string NodeAttribute = "camkes.node";

    /// <summary>
    /// Adds OpenTelemetry for system <paramref name="systemName"/>, running the node named by the
    /// configuration key <c>node</c> (<c>--node NAME</c>) or every node. Exports over OTLP when
    /// <see cref="OtlpEndpointKey"/> is configured; <paramref name="configure"/> may add other exporters.
    /// </summary>
    public static OpenTelemetryBuilder AddCamkesOpenTelemetry(this IHostApplicationBuilder builder, string systemName, Action<OpenTelemetryBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(systemName);
        var node = builder.Configuration["node"] is { Length: > 0 } named ? named : null;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => Describe(resource, systemName, node))
            .WithTracing(tracing => tracing.AddSource(KernelTelemetry.SourceName))
            .WithMetrics(metrics => metrics.AddMeter(KernelTelemetry.SourceName))
            .WithLogging(logging => { }, options =>
            {
                options.IncludeScopes = true;
                options.IncludeFormattedMessage = true;
            });
        if (builder.Configuration[OtlpEndpointKey] is { Length: > 0 })
        {
            telemetry.UseOtlpExporter();
        }

        configure?.Invoke(telemetry);
        return telemetry;
    }

    internal static bool ExportConfigured(IConfiguration configuration) => configuration[OtlpEndpointKey] is { Length: > 0 };

    private static void Describe(ResourceBuilder resource, string systemName, string? node)
    {
        // The process is one instance of the system's service: its node, or the whole system.
        resource.AddService(systemName, serviceInstanceId: node ?? systemName, autoGenerateServiceInstanceId: false);
        if (node is not null)
        {
            resource.AddAttributes([new KeyValuePair<string, object>(NodeAttribute, node)]);
        }
    }
}
