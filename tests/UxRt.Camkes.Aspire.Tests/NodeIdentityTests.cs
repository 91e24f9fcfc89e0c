using System.Collections.Concurrent;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using UxRt.Camkes.Remote;

namespace UxRt.Camkes.Aspire.Tests;

/// <summary>
/// The identities AddCamkesSystem issues: each node gets its own key and its keys to call the
/// others, never the system secret; a node that runs under another node's name with the identity
/// it was issued is refused by the node it calls; replicas of a node are refused before anything starts.
/// </summary>
public sealed class NodeIdentityTests
{
    private const string Secret = "node-identity-tests-secret-0123456789";
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(2);
    // The generated Pipeline.DistributedSystem.SystemName (examples/Distributed/Distributed.camkes).
    private const string SystemName = "Distributed";

    // The AppHost's configuration: the system secret given, as a deployment would give it.
    private static readonly string[] Settings = ["ASPIRE_ALLOW_UNSECURED_TRANSPORT=true", $"Parameters:distributed-secret={Secret}"];

    [Fact]
    public async Task Each_node_gets_its_own_key_and_its_keys_to_call_the_others_but_not_the_secret()
    {
        using var timeout = new CancellationTokenSource(Budget);
        using var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Distributed_AppHost>(Settings, timeout.Token);
        var run = new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run);

        var pipeline = await EnvironmentAsync(Node(appHost, "distributed-pipeline"), run, timeout.Token);
        var audit = await EnvironmentAsync(Node(appHost, "distributed-audit"), run, timeout.Token);

        foreach (var environment in new[] { pipeline, audit })
        {
            Assert.DoesNotContain("Camkes__Secret", environment.Keys);
            Assert.DoesNotContain(environment.Values, value => value is ParameterResource || (value as string)?.Contains(Secret, StringComparison.Ordinal) == true);
        }

        var pipelineKey = NodeKeyDerivation.NodeKey(Secret, SystemName, "pipeline");
        var auditKey = NodeKeyDerivation.NodeKey(Secret, SystemName, "audit");
        Assert.Equal(Convert.ToBase64String(pipelineKey), pipeline["Camkes__NodeKey"]);
        Assert.Equal(Convert.ToBase64String(auditKey), audit["Camkes__NodeKey"]);

        // What each node calls the other with is what the other derives from its own key for that caller.
        Assert.Equal(Convert.ToBase64String(NodeKeyDerivation.CallKey(auditKey, "pipeline")), pipeline["Camkes__CallKeys__audit"]);
        Assert.Equal(Convert.ToBase64String(NodeKeyDerivation.CallKey(pipelineKey, "audit")), audit["Camkes__CallKeys__pipeline"]);
        Assert.DoesNotContain("Camkes__CallKeys__pipeline", pipeline.Keys);
        Assert.DoesNotContain("Camkes__CallKeys__audit", audit.Keys);
    }

    [Fact]
    public async Task A_node_started_with_another_nodes_name_but_its_own_identity_is_refused()
    {
        using var timeout = new CancellationTokenSource(Budget);
        var cancellation = timeout.Token;
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Distributed_AppHost>(Settings, cancellation);

        // Node pipeline runs with the identity issued to audit: audit's own key and the one call key
        // audit holds (to call pipeline), presented as its key to call audit.
        var auditKey = NodeKeyDerivation.NodeKey(Secret, SystemName, "audit");
        var auditsCallKey = NodeKeyDerivation.CallKey(NodeKeyDerivation.NodeKey(Secret, SystemName, "pipeline"), "audit");
        appHost.CreateResourceBuilder<ProjectResource>("distributed-pipeline").WithEnvironment(context =>
        {
            context.EnvironmentVariables["Camkes__NodeKey"] = Convert.ToBase64String(auditKey);
            context.EnvironmentVariables["Camkes__CallKeys__audit"] = Convert.ToBase64String(auditsCallKey);
        });

        await using var app = await appHost.BuildAsync(cancellation);
        var notifications = app.Services.GetRequiredService<ResourceNotificationService>();
        var loggers = app.Services.GetRequiredService<ResourceLoggerService>();
        var lines = new ConcurrentQueue<string>();
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        // Audit logs the refusal; the impostor's call faults with it.
        var auditRefused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var callRefused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var watchers = new[] { "distributed-audit", "distributed-pipeline" }.Select(node => WatchAsync(notifications, loggers, node, line =>
        {
            lines.Enqueue($"{node}: {line}");
            if (node == "distributed-audit" && line.Contains("refused a request", StringComparison.Ordinal) && line.Contains("claiming node pipeline", StringComparison.Ordinal) && line.Contains("does not match", StringComparison.Ordinal))
            {
                auditRefused.TrySetResult();
            }
            else if (node == "distributed-pipeline" && line.Contains("node 'audit' refused the call", StringComparison.Ordinal))
            {
                callRefused.TrySetResult();
            }
        }, watching.Token)).ToList();

        await app.StartAsync(cancellation);
        try
        {
            await Task.WhenAll(auditRefused.Task, callRefused.Task).WaitAsync(TimeSpan.FromSeconds(90), cancellation);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"audit refused the impostor: {auditRefused.Task.IsCompleted}; the impostor's call failed as refused: {callRefused.Task.IsCompleted}\n{string.Join("\n", lines)}");
        }

        await watching.CancelAsync();
        await Task.WhenAll(watchers);
        Assert.DoesNotContain(lines, line => line.Contains("samples arrived intact", StringComparison.Ordinal));
        await app.StopAsync(cancellation);
    }

    [Fact]
    public async Task Replicas_of_a_node_are_refused_before_the_system_starts()
    {
        using var timeout = new CancellationTokenSource(Budget);
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Distributed_AppHost>(Settings, timeout.Token);
        appHost.CreateResourceBuilder<ProjectResource>("distributed-audit").WithReplicas(2);

        await using var app = await appHost.BuildAsync(timeout.Token);
        var refusal = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync(timeout.Token));

        var exception = Flatten(refusal).OfType<DistributedApplicationException>().FirstOrDefault();
        Assert.True(exception is not null, $"StartAsync failed with something else: {refusal}");
        Assert.Contains("distributed-audit (node 'audit' of system Distributed) has 2 replicas", exception.Message);
        Assert.Contains("Remove WithReplicas", exception.Message);
    }

    private static ProjectResource Node(IDistributedApplicationTestingBuilder appHost, string name) =>
        appHost.Resources.OfType<ProjectResource>().Single(resource => resource.Name == name);

    // The environment the AppHost's callbacks give a resource, as the orchestrator would collect it.
    private static async Task<Dictionary<string, object>> EnvironmentAsync(ProjectResource resource, DistributedApplicationExecutionContext execution, CancellationToken cancellation)
    {
        var environment = new Dictionary<string, object>(StringComparer.Ordinal);
        var context = new EnvironmentCallbackContext(execution, resource, environment, cancellation);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        return environment;
    }

    private static IEnumerable<Exception> Flatten(Exception exception) =>
        exception is AggregateException aggregate ? aggregate.InnerExceptions.SelectMany(Flatten)
        : exception.InnerException is { } inner ? [exception, .. Flatten(inner)]
        : [exception];

    private static async Task WatchAsync(ResourceNotificationService notifications, ResourceLoggerService loggers, string node, Action<string> line, CancellationToken cancellation)
    {
        try
        {
            var instance = await notifications.WaitForResourceAsync(node, e => e.Snapshot.State?.Text == KnownResourceStates.Running || KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), cancellation);
            await foreach (var batch in loggers.WatchAsync(instance.ResourceId).WithCancellation(cancellation))
            {
                foreach (var entry in batch)
                {
                    line(entry.Content);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
