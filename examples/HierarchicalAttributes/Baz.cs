namespace HierarchicalAttributes;

/// <summary>Prints the string its enclosing component passed to it.</summary>
public sealed class Baz : BazBase
{
    protected override void PaPrintAttributes() => Console.WriteLine($"str: {Str}");
}
