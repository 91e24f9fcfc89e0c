namespace Hosted;

/// <summary>
/// A stand-in for real hardware: a temperature that rises by a tenth of a degree per reading from
/// 20 °C, so what the monitor prints is the same on every run.
/// </summary>
public sealed class SimulatedTemperatureSource : ITemperatureSource
{
    private int _readings;

    public double Read() => 20.0 + (0.1 * Interlocked.Increment(ref _readings));
}
