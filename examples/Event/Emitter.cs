namespace Event;

/// <summary>Emits once, then keeps emitting until the collector has seen enough and stops the system.</summary>
public sealed class Emitter : EmitterBase
{
    protected override void Run()
    {
        Ev.Emit();
        Console.WriteLine("starting to emit a lot...");
        for (long emitted = 1; !StopRequested.IsCancellationRequested; emitted++)
        {
            Ev.Emit();
            if (emitted % 10000 == 0)
            {
                Console.WriteLine("still emitting");
            }

            Thread.Yield();
        }
    }
}
