namespace LockServer;

/// <summary>Takes the lock, holds it for a moment, and lets it go.</summary>
public sealed class Client : ClientBase
{
    protected override void Run()
    {
        Console.WriteLine($"{InstanceName}: locking");
        L.Lock();
        Console.WriteLine($"{InstanceName}: locked");
        Thread.Sleep(10);
        Console.WriteLine($"{InstanceName}: releasing");
        L.Unlock();
        Console.WriteLine($"{InstanceName}: released");
    }
}
