namespace Timeserver;

/// <summary>
/// CAmkES's timeserver client: three periodic ticks, a relative and an absolute one-shot, each
/// awaited on the notification the TimeServer signals for this client, then "BOOM!".
/// </summary>
public sealed class Client : ClientBase
{
    private const int Ticks = 3;
    private const ulong Wait = 10 * 1_000_000; // 10 ms in nanoseconds

    protected override void Run()
    {
        var t1 = Timeout.Time();

        Timeout.Periodic(0, Wait);
        for (var i = 0; i < Ticks; i++)
        {
            TimeoutNotification.Wait(StopRequested);
            Console.WriteLine("Tick");
        }

        var t2 = Timeout.Time();
        Check(t2 - t1 >= Ticks * Wait, "three periods passed");

        Timeout.OneshotRelative(0, Wait);
        TimeoutNotification.Wait(StopRequested);
        Console.WriteLine("Tick");

        t1 = Timeout.Time();
        Timeout.OneshotAbsolute(0, t1 + Wait);
        TimeoutNotification.Wait(StopRequested);
        Console.WriteLine("Tick");
        t2 = Timeout.Time();
        Check(t2 - t1 >= Wait, "the absolute timeout fired no earlier than asked");

        Timeout.Stop(0);
        Console.WriteLine("BOOM!");
    }

    // The C client's assert: a failure is this instance's fault, named, not a silent pass.
    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("timeserver check failed: " + what);
        }
    }
}
