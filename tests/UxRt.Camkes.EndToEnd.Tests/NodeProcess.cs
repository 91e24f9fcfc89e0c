using System.Diagnostics;

namespace UxRt.Camkes.EndToEnd.Tests;

/// <summary>
/// A built example started with `dotnet X.dll ARGS` that runs alongside others (one node of a
/// distributed system): its standard output and standard error are kept apart, and every wait on it
/// is bounded; disposing it kills it if it still runs.
/// </summary>
internal sealed class NodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = new();
    private readonly List<string> _errors = new();
    private readonly TaskCompletionSource _outputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _errorsClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private NodeProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public static NodeProcess Start(string name, string workingDirectory, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(program);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var node = new NodeProcess(name, new Process { StartInfo = start });
        node._process.OutputDataReceived += (_, e) => node.Append(node._output, e.Data, node._outputClosed);
        node._process.ErrorDataReceived += (_, e) => node.Append(node._errors, e.Data, node._errorsClosed);
        node._process.Start();
        node._process.BeginOutputReadLine();
        node._process.BeginErrorReadLine();
        return node;
    }

    /// <summary>The lines it wrote to standard output so far.</summary>
    public IReadOnlyList<string> OutputLines
    {
        get
        {
            lock (_output)
            {
                return _output.ToList();
            }
        }
    }

    /// <summary>Everything it wrote so far, for a failure message.</summary>
    public string Transcript
    {
        get
        {
            lock (_output)
            {
                return $"--- {Name} stdout:\n{string.Join("\n", _output)}\n--- {Name} stderr:\n{string.Join("\n", _errors)}";
            }
        }
    }

    /// <summary>Waits until it exits and both of its streams are read to the end; null when <paramref name="timeout"/> passed first (it is then killed).</summary>
    public int? WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout)
            || !Task.WhenAll(_outputClosed.Task, _errorsClosed.Task).Wait(timeout))
        {
            Kill();
            return null;
        }

        return _process.ExitCode;
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // It was never started or has just exited: nothing left to kill.
        }
    }

    /// <summary>Waits until a line of either stream contains <paramref name="text"/>; false when <paramref name="timeout"/> passed first or the process ended without it.</summary>
    public bool WaitForOutput(string text, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        lock (_output)
        {
            // Woken by every line and by the end of each stream (Append pulses).
            while (!_output.Concat(_errors).Any(line => line.Contains(text, StringComparison.Ordinal)))
            {
                var left = timeout - waited.Elapsed;
                if (left <= TimeSpan.Zero || (_outputClosed.Task.IsCompleted && _errorsClosed.Task.IsCompleted))
                {
                    return false;
                }

                Monitor.Wait(_output, left);
            }

            return true;
        }
    }

    /// <summary>What a service manager or `kill` sends (`dotnet X.dll` runs the app in this very process, so its id is the app's).</summary>
    public void SendSigterm()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.True(kill.WaitForExit(TimeSpan.FromSeconds(30)), "kill -TERM did not return");
        Assert.True(kill.ExitCode == 0, $"kill -TERM {_process.Id} failed with {kill.ExitCode}");
    }

    private void Append(List<string> lines, string? line, TaskCompletionSource closed)
    {
        lock (_output)
        {
            if (line is null)
            {
                closed.TrySetResult();
            }
            else
            {
                lines.Add(line);
            }

            Monitor.PulseAll(_output);
        }
    }
}
