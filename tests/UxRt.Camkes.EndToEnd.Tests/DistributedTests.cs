using System.Net;
using System.Net.Sockets;

namespace UxRt.Camkes.EndToEnd.Tests;

/// <summary>
/// examples/Distributed as the solution build left it: one process running both nodes, then two
/// processes on loopback (`--node audit` first, then `--node pipeline`), which must print the same.
/// </summary>
public sealed class DistributedTests
{
    private static readonly TimeSpan NodeTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public void Two_processes_on_loopback_print_what_one_process_prints()
    {
        var oneProcess = RunAlone();
        Assert.Contains("producer: pipeline: 1000 of 1000 samples arrived intact, 0 did not (1000 samples audited)", oneProcess);

        // Ephemeral ports, so that the test does not depend on the example's fixed ones being free; a
        // generous call deadline, so that a slow start of the audit node on a busy machine is waited for.
        var settings = FreeLoopbackPorts(2)
            .Zip(new[] { "audit", "pipeline" }, (port, node) => $"--Camkes:Nodes:{node}:Url=http://127.0.0.1:{port}")
            .Append("--Camkes:CallDeadline=00:01:00")
            .ToArray();
        using var audit = Start("audit", new[] { "--node", "audit" }.Concat(settings).ToArray());
        using var pipeline = Start("pipeline", new[] { "--node", "pipeline" }.Concat(settings).ToArray());

        var pipelineExit = pipeline.WaitForExit(NodeTimeout);
        var auditExit = audit.WaitForExit(NodeTimeout);

        var transcripts = audit.Transcript + "\n" + pipeline.Transcript;
        Assert.True(pipelineExit == 0, $"node pipeline ended with {pipelineExit?.ToString() ?? "a timeout"}\n{transcripts}");
        Assert.True(auditExit == 0, $"node audit ended with {auditExit?.ToString() ?? "a timeout"}\n{transcripts}");
        // Lines of two processes interleave in no fixed order: compare them as sorted multisets.
        var twoProcesses = audit.OutputLines.Concat(pipeline.OutputLines).Order(StringComparer.Ordinal).ToList();
        Assert.True(oneProcess.Order(StringComparer.Ordinal).SequenceEqual(twoProcesses), $"one process printed:\n{string.Join("\n", oneProcess)}\n{transcripts}");
    }

    private static IReadOnlyList<string> RunAlone()
    {
        using var alone = Start("all nodes");
        var exit = alone.WaitForExit(NodeTimeout);
        Assert.True(exit == 0, $"the one-process run ended with {exit?.ToString() ?? "a timeout"}\n{alone.Transcript}");
        return alone.OutputLines;
    }

    // The built example runs from its output directory, where its appsettings.json is.
    private static NodeProcess Start(string name, params string[] arguments)
    {
        var output = Path.Combine(ExampleWorkspace.RepositoryRoot, "examples", "Distributed", "bin", ExampleWorkspace.Configuration, "net10.0");
        return NodeProcess.Start(name, output, Path.Combine(output, "Distributed.dll"), arguments);
    }

    private static IReadOnlyList<int> FreeLoopbackPorts(int count)
    {
        // Held open together so that the ports differ; the nodes bind them right after.
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToList();
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
