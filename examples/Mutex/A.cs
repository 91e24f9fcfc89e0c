namespace Mutex;

/// <summary>Takes the lock through the connector, wastes a little time, and lets it go.</summary>
public sealed class A : ABase
{
    protected override void Run()
    {
        Console.WriteLine($"{InstanceName}: Started");
        Console.WriteLine($"{InstanceName}: Trying to acquire the lock...");
        Lock.Lock();
        Console.WriteLine($"{InstanceName}: Got it!");
        Console.WriteLine($"{InstanceName}: Let's do some long running calculation (or more accurately, waste time)...");
        Thread.SpinWait(10000);
        Console.WriteLine($"{InstanceName}: Releasing the lock...");
        Lock.Unlock();
        Console.WriteLine($"{InstanceName}: Done.");
    }
}
