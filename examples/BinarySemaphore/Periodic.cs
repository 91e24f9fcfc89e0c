namespace BinarySemaphore;

/// <summary>Emits the event over and over until the system stops.</summary>
public sealed class Periodic : PeriodicBase
{
    protected override void Run()
    {
        while (!StopRequested.IsCancellationRequested)
        {
            Ready.Emit();
            Thread.Yield();
        }
    }
}
