namespace EventDriven;

/// <summary>Emits as fast as it can until the system stops.</summary>
public sealed class Emitter : EmitterBase
{
    protected override void Run()
    {
        while (!StopRequested.IsCancellationRequested)
        {
            Ev.Emit();
            Thread.Yield();
        }
    }
}
