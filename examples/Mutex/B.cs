namespace Mutex;

/// <summary>
/// Holds the lock the connection serves (its handlers) and takes it itself too, as CAmkES's B
/// calls lock_lock(): whoever calls lock() second waits until the first calls unlock().
/// </summary>
public sealed class B : BBase
{
    private readonly SemaphoreSlim _lock = new(1, 1);

    protected override int LockLock()
    {
        _lock.Wait(StopRequested);
        return 0;
    }

    protected override int LockUnlock()
    {
        _lock.Release();
        return 0;
    }

    protected override void Run()
    {
        Console.WriteLine($"{InstanceName}: started.");
        Console.WriteLine($"{InstanceName}: trying to acquire the lock...");
        LockLock();
        Console.WriteLine($"{InstanceName}: got it!");
        Console.WriteLine($"{InstanceName}: Let's do some actual work (not like that other lazy instance)...");
        const ulong n = 20;
        Console.WriteLine($"{InstanceName}: So, it turns out factorial {n} is {Factorial(n)}");
        Console.WriteLine($"{InstanceName}: Unlocking...");
        LockUnlock();
        Console.WriteLine($"{InstanceName}: Unlocked.");

        // Once more, so that a waits for b or b for a at least once whichever ran first.
        LockLock();
        LockUnlock();
        Console.WriteLine($"{InstanceName}: Exiting");
    }

    private static ulong Factorial(ulong n) => n == 0 ? 1 : n * Factorial(n - 1);
}
