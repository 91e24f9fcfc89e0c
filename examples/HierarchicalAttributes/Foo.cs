namespace HierarchicalAttributes;

/// <summary>Prints both strings set on it in the assembly.</summary>
public sealed class Foo : FooBase
{
    protected override void SelfPaPrintAttributes()
    {
        Console.WriteLine($"str0: {Str0}");
        Console.WriteLine($"str1: {Str1}");
    }
}
