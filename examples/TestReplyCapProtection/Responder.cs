namespace TestReplyCapProtection;

/// <summary>The external hop: returns at once (responder.c).</summary>
public sealed class Responder : ResponderBase
{
    protected override void E_SwitchTo()
    {
    }
}
