namespace TestReplyCapProtection;

/// <summary>
/// Serves the generator's call while doing everything that could trample the reply to it (receiver.c):
/// takes its mutex and semaphore, wakes two callers that call the same interface, calls itself three
/// times and another component once, then releases and returns. CAmkES's receiver spins forever in
/// every later call to keep the output short; here a later call returns at once, so the system ends.
/// </summary>
public sealed class Receiver : ReceiverBase
{
    private bool _answeredFirst;

    protected override void A_SwitchTo()
    {
        if (_answeredFirst)
        {
            return;
        }

        Console.WriteLine($"{InstanceName}: Received call from Receiver");
        Console.WriteLine($"{InstanceName}: Acquiring mutex...");
        M.Lock();
        Console.WriteLine($"{InstanceName}: Acquiring semaphore...");
        S.Wait();

        // More calls on the original endpoint while this one is being served.
        P1.Emit();
        P2.Emit();
        Console.WriteLine($"{InstanceName}: Taking first hop...");
        B1.SwitchTo();
        Console.WriteLine($"{InstanceName}: Taking second hop...");
        C1.SwitchTo();
        Console.WriteLine($"{InstanceName}: Taking third hop...");
        D1.SwitchTo();
        Console.WriteLine($"{InstanceName}: Taking fourth (external) hop...");
        E.SwitchTo();
        Console.WriteLine($"{InstanceName}: Releasing mutex...");
        M.Unlock();
        Console.WriteLine($"{InstanceName}: Releasing semaphore...");
        S.Post();
        Console.WriteLine($"{InstanceName}: Returning (moment of truth)...");
        _answeredFirst = true;
    }

    protected override void B2SwitchTo()
    {
    }

    protected override void C2SwitchTo()
    {
    }

    protected override void D2SwitchTo()
    {
    }
}
