namespace HierarchicalAttributes;

/// <summary>Names each level of Foo and asks it to print its attributes.</summary>
public sealed class Controller : ControllerBase
{
    protected override void Run()
    {
        Console.WriteLine("Foo");
        FooPa.PrintAttributes();
        Console.WriteLine("Foo Bar");
        FooNestedPa0.PrintAttributes();
        Console.WriteLine("Foo Bar Baz");
        FooNestedPa1.PrintAttributes();
        Console.WriteLine("Foo Baz");
        FooNestedPa2.PrintAttributes();
    }
}
