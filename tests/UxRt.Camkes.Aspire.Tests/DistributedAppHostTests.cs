using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

// Each test here runs an orchestrator and several processes: one at a time, so that their bounded
// waits measure the system, not a machine shared with another AppHost.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace UxRt.Camkes.Aspire.Tests;

/// <summary>
/// examples/Distributed.AppHost under Aspire's orchestrator: both nodes start as processes with
/// the endpoints and the identities that AddCamkesSystem wired, become healthy, do the system's work,
/// print together what one process prints, and end with exit code 0; their telemetry reaches the
/// Aspire dashboard, where a call is one trace with spans of both nodes, read from its API and seen
/// in a real browser (<see cref="DashboardBrowserTests"/>). The system runs once for both.
/// </summary>
[Collection(DistributedRun.Collection)]
public sealed class DistributedAppHostTests(DistributedRun run)
{
    [Fact]
    public void Under_the_AppHost_both_nodes_print_what_one_process_prints_and_a_call_is_one_trace_in_the_dashboard()
    {
        Assert.Contains("producer: pipeline: 1000 of 1000 samples arrived intact, 0 did not (1000 samples audited)", run.OneProcess);
        for (var i = 0; i < DistributedRun.Nodes.Length; i++)
        {
            Assert.True(run.Ends[i].Snapshot.ExitCode == 0, $"{DistributedRun.Nodes[i]} ended {run.Ends[i].Snapshot.State?.Text} with {run.Ends[i].Snapshot.ExitCode}\n{run.Log}");
            Assert.True(run.WasHealthy[i], $"{DistributedRun.Nodes[i]} never became healthy\n{run.Log}");
        }

        Assert.True(run.OneProcess.Order(StringComparer.Ordinal).SequenceEqual(run.TwoNodes), $"one process printed:\n{string.Join("\n", run.OneProcess)}\nthe nodes printed:\n{string.Join("\n", run.TwoNodes)}\n{run.Log}");

        // The dashboard received both nodes' spans, and a call is one trace across them.
        Assert.True(run.CrossNodeTrace is not null, $"the dashboard at {run.Dashboard} shows no trace with spans of both nodes\n{run.Log}");
    }
}

/// <summary>
/// One run of examples/Distributed.AppHost with its dashboard, shared by the tests that read it: the
/// one-process output to compare with, each node's end, output and log, and a trace id that spans
/// both nodes. The AppHost (and so the dashboard) stops when the tests are done.
/// </summary>
public sealed class DistributedRun : IAsyncLifetime
{
    public const string Collection = "one run of examples/Distributed.AppHost";

    public static readonly string[] Nodes = ["distributed-audit", "distributed-pipeline"];
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(3);
    private readonly CancellationTokenSource _timeout = new(Budget);
    private DistributedApplication? _app;

    public IReadOnlyList<string> OneProcess { get; private set; } = [];

    public ResourceEvent[] Ends { get; private set; } = [];

    public bool[] WasHealthy { get; private set; } = [];

    /// <summary>What both nodes printed, sorted.</summary>
    public IReadOnlyList<string> TwoNodes { get; private set; } = [];

    /// <summary>Every line of both nodes' logs, for failure messages.</summary>
    public string Log { get; private set; } = "";

    public Uri Dashboard { get; private set; } = null!;

    public string? CrossNodeTrace { get; private set; }

    public async Task InitializeAsync()
    {
        var cancellation = _timeout.Token;
        OneProcess = await RunAloneAsync(cancellation);

        // With its dashboard, which the nodes export their telemetry to: plain HTTP on loopback (no
        // development certificate here) and, for the tests' reading, without a login.
        string[] settings = ["ASPIRE_ALLOW_UNSECURED_TRANSPORT=true", "ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true"];
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Distributed_AppHost>(settings, (options, _) => options.DisableDashboard = false, cancellation);
        _app = await appHost.BuildAsync(cancellation);
        var notifications = _app.Services.GetRequiredService<ResourceNotificationService>();
        var loggers = _app.Services.GetRequiredService<ResourceLoggerService>();

        using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var output = Nodes.ToDictionary(node => node, _ => new ConcurrentQueue<string>());
        var transcript = new ConcurrentQueue<string>();
        var watchers = Nodes.Select(node => Watch(notifications, loggers, node, output[node], transcript, watching.Token)).ToList();
        var healthy = Nodes.Select(node => SeenHealthyAsync(notifications, node, cancellation)).ToList();

        await _app.StartAsync(cancellation);
        Ends = await Task.WhenAll(Nodes.Select(node => notifications.WaitForResourceAsync(node, e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), cancellation)));
        WasHealthy = await Task.WhenAll(healthy);

        // The last lines may follow the exit: wait until the log stops growing (bounded by the budget).
        await Settled(() => output.Values.Sum(lines => lines.Count), cancellation);
        await watching.CancelAsync();
        await Task.WhenAll(watchers);

        Log = string.Join("\n", transcript);
        TwoNodes = output.Values.SelectMany(lines => lines).Order(StringComparer.Ordinal).ToList();
        Dashboard = _app.GetEndpoint("aspire-dashboard", "http");
        CrossNodeTrace = await CrossNodeTraceAsync(Dashboard, cancellation);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _app.StopAsync(stopping.Token);
            await _app.DisposeAsync();
        }

        _timeout.Dispose();
    }

    // Reads the dashboard's telemetry API (/api/telemetry/traces, OTLP JSON) until a trace holds
    // spans of both nodes; null when none does within the attempts.
    private static async Task<string?> CrossNodeTraceAsync(Uri dashboard, CancellationToken cancellation)
    {
        using var http = new HttpClient { BaseAddress = dashboard, Timeout = TimeSpan.FromSeconds(10) };
        for (var attempt = 0; attempt < 30; attempt++)
        {
            using var response = await http.GetAsync(new Uri("api/telemetry/traces", UriKind.Relative), cancellation);
            if (response.IsSuccessStatusCode)
            {
                using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellation));
                var nodesByTrace = new Dictionary<string, HashSet<string>>();
                foreach (var resourceSpans in json.RootElement.GetProperty("data").GetProperty("resourceSpans").EnumerateArray())
                {
                    var node = resourceSpans.GetProperty("resource").GetProperty("attributes").EnumerateArray()
                        .Where(a => a.GetProperty("key").GetString() == "camkes.node")
                        .Select(a => a.GetProperty("value").GetProperty("stringValue").GetString()!)
                        .FirstOrDefault() ?? "";
                    foreach (var span in resourceSpans.GetProperty("scopeSpans").EnumerateArray().SelectMany(scope => scope.GetProperty("spans").EnumerateArray()))
                    {
                        var traceId = span.GetProperty("traceId").GetString()!;
                        (nodesByTrace.TryGetValue(traceId, out var nodes) ? nodes : nodesByTrace[traceId] = []).Add(node);
                    }
                }

                var both = nodesByTrace.FirstOrDefault(trace => trace.Value.SetEquals(["audit", "pipeline"])).Key;
                if (both is not null)
                {
                    return both;
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellation);
        }

        return null;
    }

    // Healthy at some moment before the node ended (pipeline may finish its work within seconds).
    private static async Task<bool> SeenHealthyAsync(ResourceNotificationService notifications, string node, CancellationToken cancellation)
    {
        var ended = await notifications.WaitForResourceAsync(node, e =>
            e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
            || KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), cancellation);
        return ended.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy;
    }

    // A resource's log is kept under its instance's id (the name and a suffix); the watch replays what came before it.
    private static async Task Watch(ResourceNotificationService notifications, ResourceLoggerService loggers, string node, ConcurrentQueue<string> output, ConcurrentQueue<string> transcript, CancellationToken cancellation)
    {
        try
        {
            var instance = await notifications.WaitForResourceAsync(node, e => e.Snapshot.State?.Text == KnownResourceStates.Running || KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), cancellation);
            var started = false;
            await foreach (var batch in loggers.WatchAsync(instance.ResourceId).WithCancellation(cancellation))
            {
                foreach (var line in batch)
                {
                    transcript.Enqueue($"{node}{(line.IsErrorMessage ? "!" : ":")} {line.Content}");
                    // Each line starts with its timestamp. Before "[sys] Starting process", the
                    // lines are the orchestrator's own (waiting for audit, …); after it, standard
                    // output is what the node printed (its log goes to standard error).
                    var text = line.Content[(line.Content.IndexOf(' ', StringComparison.Ordinal) + 1)..];
                    if (text.StartsWith("[sys] Starting process", StringComparison.Ordinal))
                    {
                        started = true;
                    }
                    else if (started && !line.IsErrorMessage && !text.StartsWith("[sys]", StringComparison.Ordinal))
                    {
                        output.Enqueue(text);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task Settled(Func<int> count, CancellationToken cancellation)
    {
        var last = -1;
        while (count() != last)
        {
            last = count();
            await Task.Delay(TimeSpan.FromSeconds(1), cancellation);
        }
    }

    // The example as one process, from its build output, where its appsettings.json is.
    private static async Task<IReadOnlyList<string>> RunAloneAsync(CancellationToken cancellation)
    {
        var metadata = typeof(DistributedRun).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
        var output = Path.Combine(metadata["RepositoryRoot"]!, "examples", "Distributed", "bin", metadata["Configuration"]!, "net10.0");
        var start = new ProcessStartInfo("dotnet", ["exec", Path.Combine(output, "Distributed.dll")])
        {
            WorkingDirectory = output,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(cancellation);
        var stdout = await process.StandardOutput.ReadToEndAsync(cancellation);
        try
        {
            await process.WaitForExitAsync(cancellation);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        Assert.True(process.ExitCode == 0, $"the one-process run ended with {process.ExitCode}\n{stdout}\n{await stderr}");
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}

[CollectionDefinition(DistributedRun.Collection)]
public sealed class DistributedRunCollection : ICollectionFixture<DistributedRun>;
