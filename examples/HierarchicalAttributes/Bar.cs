namespace HierarchicalAttributes;

/// <summary>Prints the string Foo passed to it.</summary>
public sealed class Bar : BarBase
{
    protected override void SelfPaPrintAttributes() => Console.WriteLine($"str: {Str}");
}
