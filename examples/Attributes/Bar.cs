namespace Attributes;

/// <summary>Prints the two attributes it was configured with.</summary>
public sealed class Bar : BarBase
{
    protected override void Run() => Console.WriteLine($"c = {C}, d = {D}");
}
