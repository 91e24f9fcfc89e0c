using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UxRt.Camkes.Runtime.Faults;

namespace Hosted;

/// <summary>
/// A unicore control component: takes readings from the thermometer at the configured interval
/// and prints their mean. Its settings and logger come from the host's container, exactly as a
/// native component's do; everything it runs, awaits included, runs on its one virtual CPU.
/// </summary>
public sealed class Monitor(IOptions<SamplingOptions> options, ILogger<Monitor> logger) : MonitorBase
{
    private readonly SamplingOptions _sampling = options.Value;

    protected override async Task RunAsync()
    {
        var untilStopped = _sampling.Count == 0;
        Console.WriteLine(untilStopped
            ? $"monitor: sampling every {_sampling.Interval.TotalMilliseconds} ms until stopped"
            : $"monitor: taking {_sampling.Count} samples every {_sampling.Interval.TotalMilliseconds} ms");

        var samples = 0;
        var sum = 0.0;
        try
        {
            while (untilStopped || samples < _sampling.Count)
            {
                // Awaited, so the CPU is free while the thermometer answers.
                var (celsius, sequence) = await Readings.ReadAsync();
                samples++;
                sum += celsius;
                logger.LogInformation("Reading {Sequence}: {Celsius:F1} °C", sequence, celsius);
                await DelayAsync(_sampling.Interval);
            }
        }
        catch (Exception exception) when (IsStopping(exception))
        {
            // The application is stopping (Ctrl+C, SIGTERM): end the loop and report what was taken.
            Console.WriteLine($"monitor: stopped after {samples} samples, mean {Mean(sum, samples):F2} °C");
            return;
        }

        Console.WriteLine($"monitor: {samples} samples, mean {Mean(sum, samples):F2} °C");
    }

    // A stop ends the delay (cancelled) or the reading in flight (a "system stopping" fault); any
    // other failure is a real fault of this instance and is left to the kernel.
    private bool IsStopping(Exception exception) =>
        StopRequested.IsCancellationRequested && exception is OperationCanceledException or ComponentFaultException;

    private static double Mean(double sum, int samples) => samples == 0 ? 0 : sum / samples;
}
