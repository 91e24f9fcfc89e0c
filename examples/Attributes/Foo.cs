namespace Attributes;

/// <summary>Prints the two attributes it was configured with.</summary>
public sealed class Foo : FooBase
{
    protected override void Run() => Console.WriteLine($"a = {A}, b = {B}");
}
