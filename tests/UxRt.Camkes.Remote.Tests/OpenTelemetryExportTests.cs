using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using UxRt.Camkes.Remote.Tests.Support;

namespace UxRt.Camkes.Remote.Tests;

/// <summary>
/// What a node under a host exports through OpenTelemetry (<see cref="CamkesOpenTelemetryExtensions"/>):
/// a resource naming the system and the node, and a call across nodes as one trace. Each node's
/// host has its own tracer provider and exporter, as each node's process has under an orchestrator.
/// </summary>
public sealed class OpenTelemetryExportTests
{
    [Fact]
    public async Task A_call_across_nodes_is_exported_as_one_trace_by_both_nodes_hosts()
    {
        var (edgeHost, edgeSpans) = NodeTelemetryHost("edge");
        var (coreHost, coreSpans) = NodeTelemetryHost("core");
        using (edgeHost)
        using (coreHost)
        {
            await using var nodes = await NodePair.StartAsync();
            var client = new CalculatorClient(nodes.Import(), badge: 7);
            var traceId = await Bounded.OnThread(() =>
            {
                // Sampled, as a caller's recorded span is: OpenTelemetry's default sampler follows the parent.
                using var test = new Activity("otel-export-test").Start();
                test.ActivityTraceFlags = ActivityTraceFlags.Recorded;
                client.Add(1, 2);
                return test.TraceId;
            });

            // Flushed when the hosts' providers are disposed, below.
            edgeHost.Services.GetRequiredService<TracerProvider>().ForceFlush(5000);
            coreHost.Services.GetRequiredService<TracerProvider>().ForceFlush(5000);

            // Spans of other tests running at the same time carry other trace ids.
            var caller = Assert.Single(edgeSpans, span => span.TraceId == traceId && span.Kind == ActivityKind.Client);
            var server = Assert.Single(coreSpans, span => span.TraceId == traceId && span.Kind == ActivityKind.Server);
            Assert.Equal(caller.SpanId, server.ParentSpanId);
            Assert.Equal("edge", server.GetTagItem("camkes.caller.node"));

            AssertResource(edgeHost, "edge");
            AssertResource(coreHost, "core");
        }
    }

    [Fact]
    public void Without_an_OTLP_endpoint_no_exporter_is_configured()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = ["--node", "edge"], DisableDefaults = true });
        Assert.False(CamkesOpenTelemetryExtensions.ExportConfigured(builder.Configuration));
        builder.Configuration[CamkesOpenTelemetryExtensions.OtlpEndpointKey] = "http://127.0.0.1:4317";
        Assert.True(CamkesOpenTelemetryExtensions.ExportConfigured(builder.Configuration));
    }

    private static (IHost Host, List<Activity> Spans) NodeTelemetryHost(string node)
    {
        var spans = new List<Activity>();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = ["--node", node], DisableDefaults = true });
        // Only this node's spans, as a node's process records only its own: the caller's span for
        // edge, the server's for core.
        var kind = node == "edge" ? ActivityKind.Client : ActivityKind.Server;
        builder.AddCamkesOpenTelemetry(NodePair.System, telemetry => telemetry.WithTracing(tracing => tracing
            .AddProcessor(new SimpleActivityExportProcessor(new KindExporter(kind, spans)))));
        var host = builder.Build();
        // Builds the providers, which start listening.
        _ = host.Services.GetRequiredService<TracerProvider>();
        return (host, spans);
    }

    private static void AssertResource(IHost host, string node)
    {
        var attributes = host.Services.GetRequiredService<TracerProvider>().GetResource().Attributes.ToDictionary(a => a.Key, a => a.Value);
        Assert.Equal(NodePair.System, attributes["service.name"]);
        Assert.Equal(node, attributes["service.instance.id"]);
        Assert.Equal(node, attributes[CamkesOpenTelemetryExtensions.NodeAttribute]);
    }

    // Exports only the spans this node's process would record (both hosts share this process's
    // listeners); it changes nothing on the span, which the other host's pipeline also sees.
    private sealed class KindExporter(ActivityKind kind, List<Activity> spans) : BaseExporter<Activity>
    {
        public override ExportResult Export(in Batch<Activity> batch)
        {
            foreach (var span in batch)
            {
                if (span.Kind == kind)
                {
                    lock (spans)
                    {
                        spans.Add(span);
                    }
                }
            }

            return ExportResult.Success;
        }
    }
}
