namespace EventDriven;

/// <summary>Registers a callback and returns; the callback counts wake-ups on the event thread and stops the system at the hundredth.</summary>
public sealed class Collector : CollectorBase
{
    private const int MaxCount = 100;

    private int _count;

    protected override void Run() => Ev.RegisterCallback(_ =>
    {
        if (++_count == MaxCount)
        {
            Console.WriteLine($"Got {_count} events!");
            RequestSystemStop();
        }
    });
}
