namespace TestCamkes438;

/// <summary>Serves foo's call by calling foo back, as CAmkES's bar.c does.</summary>
public sealed class Bar : BarBase
{
    protected override int IncomingEcho(int x) => Outgoing.Echo(x);
}
