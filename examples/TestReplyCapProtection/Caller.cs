namespace TestReplyCapProtection;

/// <summary>Calls the receiver once the receiver's event says so, while the receiver is inside another call (caller.c).</summary>
public sealed class Caller : CallerBase
{
    protected override void Run()
    {
        P.Wait();
        T.SwitchTo();
    }
}
