using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using UxRt.Camkes.Runtime.Diagnostics;
using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Notifications;
using UxRt.Camkes.Runtime.Tests.Support;

namespace UxRt.Camkes.Runtime.Tests.Diagnostics;

/// <summary>Measurements are filtered by an instance name unique to each test, since listeners see the whole process.</summary>
[Collection(ProcessWideListeners.Name)]
public sealed class TelemetryTests
{
    [Fact]
    public void Calls_call_faults_and_signals_are_counted_per_instance_and_interface()
    {
        var instance = "metered-" + Guid.NewGuid().ToString("N");
        var measurements = new ConcurrentQueue<(string Instrument, string Interface, long Value)>();
        using var listener = Listen(instance, measurements);
        using var served = ServedEndpoint.Start(EndpointKind.Direct, new CalculatorDispatcher(new Calculator()), instance, "calc");
        var client = new CalculatorClient(served.Endpoint, badge: 1);
        var notification = new Notification(instance, "ready");

        client.Add(1, 2);
        client.Add(3, 4);
        Assert.Throws<ComponentFaultException>(() => client.Fail("x"));
        notification.Signal();

        Assert.Equal(3, Sum(measurements, "camkes.rpc.calls", "calc"));
        Assert.Equal(1, Sum(measurements, "camkes.rpc.faults", "calc"));
        Assert.Equal(1, Sum(measurements, "camkes.notifications.signals", "ready"));
    }

    [Fact]
    public void Component_faults_are_counted()
    {
        var instance = "faulting-" + Guid.NewGuid().ToString("N");
        var measurements = new ConcurrentQueue<(string Instrument, string Interface, long Value)>();
        using var listener = Listen(instance, measurements);
        using var kernel = new SystemKernel("metered faults");
        kernel.AddInstance(instance, new ScriptedComponent { OnRun = _ => throw new InvalidOperationException() }, hasControl: true);

        kernel.Start();
        Assert.True(kernel.WaitForControlThreads(Bounded.Wait));

        Assert.Equal(1, measurements.Where(m => m.Instrument == "camkes.faults").Sum(m => m.Value));
    }

    [Fact]
    public void Each_call_is_a_span_while_a_listener_is_attached()
    {
        var instance = "traced-" + Guid.NewGuid().ToString("N");
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == KernelTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem(KernelTelemetry.InstanceTag) as string == instance)
                {
                    spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var served = ServedEndpoint.Start(EndpointKind.Threaded, new CalculatorDispatcher(new Calculator()), instance, "calc");
        var client = new CalculatorClient(served.Endpoint, badge: 5);

        client.Add(1, 2);
        Assert.Throws<ComponentFaultException>(() => client.Fail("x"));

        Assert.Equal(2, spans.Count);
        var (ok, failed) = (spans.First(), spans.Last());
        Assert.Equal($"{instance}.calc", ok.OperationName);
        Assert.Equal("add", ok.GetTagItem("camkes.method"));
        Assert.Equal(5, ok.GetTagItem("camkes.badge"));
        Assert.Equal(ActivityStatusCode.Ok, ok.Status);
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
    }

    private static MeterListener Listen(string instance, ConcurrentQueue<(string, string, long)> measurements)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == KernelTelemetry.SourceName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? taggedInstance = null;
            var taggedInterface = string.Empty;
            foreach (var tag in tags)
            {
                if (tag.Key == KernelTelemetry.InstanceTag)
                {
                    taggedInstance = tag.Value as string;
                }
                else if (tag.Key == KernelTelemetry.InterfaceTag)
                {
                    taggedInterface = tag.Value as string ?? string.Empty;
                }
            }

            if (taggedInstance == instance)
            {
                measurements.Enqueue((instrument.Name, taggedInterface, value));
            }
        });
        listener.Start();
        return listener;
    }

    private static long Sum(IEnumerable<(string Instrument, string Interface, long Value)> measurements, string instrument, string interfaceName) =>
        measurements.Where(m => m.Instrument == instrument && m.Interface == interfaceName).Sum(m => m.Value);
}
