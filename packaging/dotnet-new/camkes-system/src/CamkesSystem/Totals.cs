namespace CamkesSystem;

/// <summary>What the server publishes in the <c>totals</c> dataport, read and written in place.</summary>
public struct Totals
{
    public int Total;
    public int Updates;
}
