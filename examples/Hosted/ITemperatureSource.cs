namespace Hosted;

/// <summary>Where temperatures come from: an application service, registered in Program.cs.</summary>
public interface ITemperatureSource
{
    /// <summary>The current temperature in degrees Celsius.</summary>
    double Read();
}
