using System.Collections.Concurrent;
using System.Diagnostics;
using UxRt.Camkes.Remote.Tests.Support;
using UxRt.Camkes.Runtime.Diagnostics;

namespace UxRt.Camkes.Remote.Tests;

/// <summary>A call's trace crosses the process boundary: the server's span continues the caller's.</summary>
public sealed class TraceContextTests
{
    [Fact]
    public async Task The_server_span_is_a_child_of_the_callers_span()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == KernelTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var nodes = await NodePair.StartAsync();
        var client = new CalculatorClient(nodes.Import(), badge: 7);

        var traceId = await Bounded.OnThread(() =>
        {
            using var test = new Activity("remote-call-test").Start();
            client.Add(1, 2);
            return test.TraceId;
        });

        // Spans of other tests running at the same time carry other trace ids.
        var ours = spans.Where(span => span.TraceId == traceId).ToList();
        var callerSpan = Assert.Single(ours, span => span.Kind == ActivityKind.Client);
        var serverSpan = Assert.Single(ours, span => span.Kind == ActivityKind.Server);
        Assert.Equal(callerSpan.SpanId, serverSpan.ParentSpanId);
        Assert.Equal("calc.calc", serverSpan.OperationName);
        Assert.Equal("edge", serverSpan.GetTagItem("camkes.caller.node"));
    }
}
