namespace LockServer;

/// <summary>
/// One lock (the component's mutex) behind three interfaces. Each interface has its own thread and
/// each client its own interface, so the thread that unlocks is always the one that locked.
/// </summary>
public sealed class Server : ServerBase
{
    protected override void A_Lock() => M.Lock();

    protected override void A_Unlock() => M.Unlock();

    protected override void B_Lock() => M.Lock();

    protected override void B_Unlock() => M.Unlock();

    protected override void C_Lock() => M.Lock();

    protected override void C_Unlock() => M.Unlock();
}
