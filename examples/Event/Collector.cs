namespace Event;

/// <summary>Registers a callback and returns; the callback runs on this instance's event thread for each event.</summary>
public sealed class Collector : CollectorBase
{
    private const int EventsToSee = 3;

    private int _seen;

    protected override void Run()
    {
        Console.WriteLine("Waiting for an event");
        Ev.RegisterCallback(_ =>
        {
            Console.WriteLine("event_callback: Got an event");
            if (++_seen == EventsToSee)
            {
                RequestSystemStop();
            }
        });
    }
}
