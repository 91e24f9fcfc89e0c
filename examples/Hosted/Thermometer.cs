using Microsoft.Extensions.Logging;

namespace Hosted;

/// <summary>
/// A native server that answers each reading from the application's <see cref="ITemperatureSource"/>:
/// the container passes it in, as it would to any other class of the application.
/// </summary>
public sealed class Thermometer(ITemperatureSource source, ILogger<Thermometer> logger) : ThermometerBase
{
    private int _sequence;

    protected override void Init() =>
        logger.LogInformation("Thermometer reads from {Source}", source.GetType().Name);

    protected override double ReadingsRead(out int sequence)
    {
        sequence = ++_sequence;
        return source.Read();
    }
}
