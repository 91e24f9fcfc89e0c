using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.CodeAnalysis;
using UxRt.Camkes.Runtime.Diagnostics;
using UxRt.Camkes.Runtime.Kernel;

namespace UxRt.Camkes.Compiler.Tests;

/// <summary>
/// seL4DirectCall and passive seL4RPCCall into a native server: the generated client calls the
/// implementation straight through when nothing stands in the way. What a component sees must be
/// what the frame path gives: sender ids (restored after a nested call), faults naming instance,
/// interface and method, metrics counted per call and per fault, calls failed once the system stopped.
/// Each scenario runs twice: as it is, and with a trace listener attached, which sends every call
/// down the frame path (a span per call), so the two are compared in one test.
/// </summary>
public sealed class InlineCallTests
{
    private const string Spec = """
        import <std_connector.camkes>;

        procedure Calc {
            int add(in int a, in int b);
            int nested(in int a);
            void fail(in string why);
            int copy(in int values[]);
        };

        component Client { control; uses Calc direct; uses Calc passive; }
        component Other { control; uses Calc passive; }
        component Server { provides Calc direct; provides Calc passive; uses Calc inner; }
        component Inner { provides Calc calc; }

        assembly {
            composition {
                group inline {
                    component Client inlineclient;
                    component Other inlineother;
                    component Server inlineserver;
                    component Inner inlineinner;
                }
                connection seL4DirectCall direct(from inlineclient.direct, to inlineserver.direct);
                connection seL4RPCCall passive(from inlineclient.passive, from inlineother.passive, to inlineserver.passive);
                connection seL4DirectCall inner(from inlineserver.inner, to inlineinner.calc);
            }
            configuration {
                inlineserver.passive_passive = true;
                inlineclient.direct_attributes = 3;
                inlineclient.passive_attributes = 4;
                inlineother.passive_attributes = 6;
                inlineserver.inner_attributes = 7;
            }
        }
        """;

    private const string Code = """
        using System.Collections.Concurrent;
        using UxRt.Camkes.Runtime.Faults;
        namespace Demo;
        public static class Scenario
        {
            public static string Calls(ICalc calc)
            {
                var sum = calc.Add(2, 3);
                var nested = calc.Nested(10);
                string fault;
                try { calc.Fail("boom"); fault = "none"; }
                catch (ComponentFaultException e) { fault = $"{e.Instance}.{e.Interface}.{e.Method} {e.InnerException!.GetType().Name}: {e.InnerException.Message}"; }
                var values = new[] { 1, 2, 3 };
                var copied = calc.Copy(values);
                var after = global::UxRt.Camkes.Runtime.Glue.CallContext.SenderBadge;
                return $"{sum} {nested} [{fault}] {copied} {values[0]} after {after}";
            }
        }
        public sealed class Client : ClientBase
        {
            public string Seen = "";
            public ICalc DirectEnd => Direct;
            protected override void Run() => Seen = Scenario.Calls(Direct) + " | " + Scenario.Calls(Passive);
        }
        public sealed class Other : OtherBase
        {
            public string Seen = "";
            protected override void Run() => Seen = Scenario.Calls(Passive);
        }
        public sealed class Server : ServerBase
        {
            public readonly ConcurrentQueue<string> Log = new();
            private void Saw(string what) => Log.Enqueue($"{what} from {SenderId}{(System.Environment.StackTrace.Contains("Endpoint.Call") ? " via frame" : "")}");
            protected override int DirectAdd(int a, int b) { Saw("direct.add"); return a + b; }
            protected override int DirectNested(int a) { var inner = Inner.Add(a, 1); Saw("direct.nested"); return inner; }
            protected override void DirectFail(string why) { Saw("direct.fail"); throw new System.InvalidOperationException(why); }
            protected override int DirectCopy(int[] values) { values[0] = 99; return values.Length; }
            protected override int PassiveAdd(int a, int b) { Saw("passive.add"); return a + b; }
            protected override int PassiveNested(int a) { var inner = Inner.Add(a, 2); Saw("passive.nested"); return inner; }
            protected override void PassiveFail(string why) { Saw("passive.fail"); throw new System.ArgumentException(why); }
            protected override int PassiveCopy(int[] values) { values[0] = 98; return values.Length; }
        }
        public sealed class Inner : InnerBase
        {
            public readonly ConcurrentQueue<int> Senders = new();
            protected override int CalcAdd(int a, int b) { Senders.Enqueue(SenderId); return a + b; }
            protected override int CalcNested(int a) => a;
            protected override void CalcFail(string why) { }
            protected override int CalcCopy(int[] values) => 0;
        }
        """;

    private const string ClientSaw =
        "5 11 [inlineserver.direct.fail InvalidOperationException: boom] 3 1 after 0 | "
        + "5 12 [inlineserver.passive.fail ArgumentException: boom] 3 1 after 0";

    private const string OtherSaw = "5 12 [inlineserver.passive.fail ArgumentException: boom] 3 1 after 0";

    [Fact]
    public void Straight_through_calls_give_the_sender_ids_faults_and_copies_of_the_frame_path()
    {
        var straight = RunSystem(traced: false);
        var framed = RunSystem(traced: true);

        Assert.Equal(ClientSaw, straight.Client);
        Assert.Equal(OtherSaw, straight.Other);
        Assert.Equal(
            ["direct.add from 3", "direct.nested from 3", "direct.fail from 3", "passive.add from 4", "passive.nested from 4", "passive.fail from 4"],
            Paths(straight.ServerLog).Where(line => line.EndsWith(" from 3", StringComparison.Ordinal) || line.EndsWith(" from 4", StringComparison.Ordinal)));
        Assert.Equal(
            ["passive.add from 6", "passive.nested from 6", "passive.fail from 6"],
            Paths(straight.ServerLog).Where(line => line.EndsWith(" from 6", StringComparison.Ordinal)));
        Assert.Equal([7, 7, 7], straight.InnerSenders);

        // seL4DirectCall never waits, so each of its calls went straight through (a passive call
        // may have met the other client's and waited its turn on the frame path).
        Assert.All(straight.ServerLog.Where(line => line.StartsWith("direct.", StringComparison.Ordinal)), line => Assert.DoesNotContain(" via frame", line, StringComparison.Ordinal));

        // The same calls down the frame path: everything alike but the path.
        Assert.Equal(straight.Client, framed.Client);
        Assert.Equal(straight.Other, framed.Other);
        Assert.Equal(Paths(straight.ServerLog).Order(), Paths(framed.ServerLog).Order());
        Assert.All(framed.ServerLog, line => Assert.EndsWith(" via frame", line, StringComparison.Ordinal));
        Assert.Equal(straight.InnerSenders, framed.InnerSenders);
    }

    [Fact]
    public void Straight_through_calls_are_counted_as_the_frame_path_counts_them()
    {
        var straight = RunSystem(traced: false);
        var framed = RunSystem(traced: true);

        // Per client and connection: add, nested, fail, copy; nested also calls inner once.
        Assert.Equal(
            new Dictionary<string, long>
            {
                ["calls inlineserver.direct"] = 4,
                ["calls inlineserver.passive"] = 8,
                ["calls inlineinner.calc"] = 3,
                ["faults inlineserver.direct"] = 1,
                ["faults inlineserver.passive"] = 2,
            },
            straight.Counted);
        Assert.Equal(straight.Counted, framed.Counted);
    }

    [Fact]
    public void Once_the_system_has_stopped_a_straight_through_client_gets_the_named_fault()
    {
        var harness = Harness();
        using var kernel = Create(harness.Load());
        Assert.Equal(0, kernel.Run());
        dynamic client = kernel.GetInstance<Runtime.Components.Component>("inlineclient");

        var fault = Assert.Throws<Runtime.Faults.ComponentFaultException>(() => (int)client.DirectEnd.Add(1, 2));

        Assert.Equal("inlineserver.direct.add", $"{fault.Instance}.{fault.Interface}.{fault.Method}");
        Assert.Contains("the server has stopped", fault.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Paths(IEnumerable<string> log) => log.Select(line => line.Replace(" via frame", "", StringComparison.Ordinal));

    private sealed record Observed(string Client, string Other, IReadOnlyList<string> ServerLog, IReadOnlyList<int> InnerSenders, IReadOnlyDictionary<string, long> Counted);

    private static GeneratorHarness Harness()
    {
        var harness = new GeneratorHarness()
            .WithSpec("inline.camkes", Spec)
            .WithCode("Usings.cs", Specs.Usings)
            .WithCode("Components.cs", Code);
        var (output, result) = harness.Run();
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Empty(result.Diagnostics);
        return harness;
    }

    private static SystemKernel Create(System.Reflection.Assembly assembly) =>
        (SystemKernel)assembly.GetType("Demo.InlineSystem")!.GetMethod("Create", [typeof(Microsoft.Extensions.Logging.ILogger), typeof(string)])!.Invoke(null, new object?[] { null, null })!;

    private static Observed RunSystem(bool traced)
    {
        var assembly = Harness().Load();
        var counted = new Dictionary<string, long>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == KernelTelemetry.SourceName && instrument.Name is "camkes.rpc.calls" or "camkes.rpc.faults")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? instance = null, iface = null;
            foreach (var tag in tags)
            {
                if (tag.Key == KernelTelemetry.InstanceTag)
                {
                    instance = tag.Value as string;
                }
                else if (tag.Key == KernelTelemetry.InterfaceTag)
                {
                    iface = tag.Value as string;
                }
            }

            // Only this system's instances: other tests count on the same process-wide meter.
            if (instance is not null && instance.StartsWith("inline", StringComparison.Ordinal))
            {
                var key = $"{(instrument.Name == "camkes.rpc.calls" ? "calls" : "faults")} {instance}.{iface}";
                lock (counted)
                {
                    counted[key] = counted.GetValueOrDefault(key) + value;
                }
            }
        });
        meters.Start();

        using var spans = traced ? new ActivityListener
        {
            ShouldListenTo = source => source.Name == KernelTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
        } : null;
        if (spans is not null)
        {
            ActivitySource.AddActivityListener(spans);
        }

        using var kernel = Create(assembly);
        Assert.Equal(0, kernel.Run());
        dynamic client = kernel.GetInstance<Runtime.Components.Component>("inlineclient");
        dynamic other = kernel.GetInstance<Runtime.Components.Component>("inlineother");
        dynamic server = kernel.GetInstance<Runtime.Components.Component>("inlineserver");
        dynamic inner = kernel.GetInstance<Runtime.Components.Component>("inlineinner");
        lock (counted)
        {
            return new Observed(
                (string)client.Seen,
                (string)other.Seen,
                ((IEnumerable<string>)server.Log).ToList(),
                ((IEnumerable<int>)inner.Senders).ToList(),
                new Dictionary<string, long>(counted));
        }
    }
}
