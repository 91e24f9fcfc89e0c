using System.Diagnostics;

namespace UxRt.Camkes.EndToEnd.Tests;

/// <summary>
/// examples/Hosted as the solution build left it: a system inside a Generic Host application,
/// run to completion, then run until stopped and stopped by SIGTERM as a service manager would.
/// </summary>
public sealed class HostedTests
{
    // appsettings.json sets Camkes:ShutdownTimeout to 3 s; the margin covers a loaded machine.
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(3) + TimeSpan.FromSeconds(20);
    private static readonly TimeSpan StartBound = TimeSpan.FromMinutes(2);

    [Fact]
    public void By_itself_it_takes_the_configured_samples_and_exits_0()
    {
        var result = ExampleWorkspace.RunBuilt("Hosted");

        Assert.True(result.ExitCode == 0, result.Output);
        // Sampling options bound from appsettings.json, in the unicore monitor's constructor.
        Assert.Contains("monitor: taking 5 samples every 50 ms", result.Output);
        // The readings come from the registered ITemperatureSource, through the native thermometer:
        // 20.1 … 20.5 °C, mean 20.30.
        Assert.Contains("monitor: 5 samples, mean 20.30 °C", result.Output);
        // Both components log through the ILogger<T> they were given, under their own categories.
        Assert.Contains("Hosted.Thermometer", result.Output);
        Assert.Contains("Thermometer reads from SimulatedTemperatureSource", result.Output);
        Assert.Contains("Hosted.Monitor", result.Output);
        Assert.Contains("Reading 5: 20.5 °C", result.Output);
    }

    [Fact]
    public void Run_until_stopped_it_stops_cleanly_on_SIGTERM()
    {
        using var hosted = HostedProcess.Start("--Sampling:Count=0");

        Assert.True(hosted.WaitForOutput("monitor: sampling every 50 ms until stopped", StartBound), $"it did not report that it runs\n{hosted.Transcript}");
        // A reading went through, so the system is past its start and inside its loop.
        Assert.True(hosted.WaitForOutput("Reading 1:", StartBound), $"it took no reading\n{hosted.Transcript}");

        var stopping = Stopwatch.StartNew();
        hosted.SendSigterm();
        var exit = hosted.WaitForExit(StopBound);
        stopping.Stop();

        Assert.True(exit == 0, $"after SIGTERM it ended with {exit?.ToString() ?? "no exit within " + StopBound} ({stopping.Elapsed.TotalMilliseconds:F0} ms)\n{hosted.Transcript}");
        Assert.Contains(hosted.OutputLines, line => line.StartsWith("monitor: stopped after ", StringComparison.Ordinal));
        Assert.Contains("System Hosted stopped", hosted.Transcript);
    }

    /// <summary>
    /// The built example as a process of its own (`dotnet Hosted.dll ARGS`, the muxer runs the app in
    /// its own process, so its id is the app's): standard output and error kept line by line, every
    /// wait bounded, killed on dispose if it still runs.
    /// </summary>
    private sealed class HostedProcess : IDisposable
    {
        private readonly Process _process;
        private readonly List<string> _output = new();
        private readonly List<string> _errors = new();
        private readonly TaskCompletionSource _outputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _errorsClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private HostedProcess(Process process) => _process = process;

        public static HostedProcess Start(params string[] arguments)
        {
            // From its output directory, where appsettings.json is.
            var output = Path.Combine(ExampleWorkspace.RepositoryRoot, "examples", "Hosted", "bin", ExampleWorkspace.Configuration, "net10.0");
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = output,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.ArgumentList.Add(Path.Combine(output, "Hosted.dll"));
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            var hosted = new HostedProcess(new Process { StartInfo = start });
            hosted._process.OutputDataReceived += (_, e) => hosted.Append(hosted._output, e.Data, hosted._outputClosed);
            hosted._process.ErrorDataReceived += (_, e) => hosted.Append(hosted._errors, e.Data, hosted._errorsClosed);
            hosted._process.Start();
            hosted._process.BeginOutputReadLine();
            hosted._process.BeginErrorReadLine();
            return hosted;
        }

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

        public string Transcript
        {
            get
            {
                lock (_output)
                {
                    return $"--- stdout:\n{string.Join("\n", _output)}\n--- stderr:\n{string.Join("\n", _errors)}";
                }
            }
        }

        /// <summary>Waits until a line of either stream contains <paramref name="text"/>; false when <paramref name="timeout"/> passed first or the process ended without it.</summary>
        public bool WaitForOutput(string text, TimeSpan timeout)
        {
            var deadline = Stopwatch.StartNew();
            lock (_output)
            {
                // Woken by every line and by the end of each stream (Append pulses).
                while (!_output.Concat(_errors).Any(line => line.Contains(text, StringComparison.Ordinal)))
                {
                    var left = timeout - deadline.Elapsed;
                    if (left <= TimeSpan.Zero || (_outputClosed.Task.IsCompleted && _errorsClosed.Task.IsCompleted))
                    {
                        return false;
                    }

                    Monitor.Wait(_output, left);
                }

                return true;
            }
        }

        /// <summary>What a service manager or `kill` sends: the host's own console lifetime handles it.</summary>
        public void SendSigterm()
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            Assert.True(kill.WaitForExit(TimeSpan.FromSeconds(30)), "kill -TERM did not return");
            Assert.True(kill.ExitCode == 0, $"kill -TERM {_process.Id} failed with {kill.ExitCode}");
        }

        /// <summary>Waits until it exits and both streams are read to the end; null when <paramref name="timeout"/> passed first.</summary>
        public int? WaitForExit(TimeSpan timeout)
        {
            if (!_process.WaitForExit(timeout) || !Task.WhenAll(_outputClosed.Task, _errorsClosed.Task).Wait(timeout))
            {
                return null;
            }

            return _process.ExitCode;
        }

        public void Dispose()
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

            _process.Dispose();
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
}
