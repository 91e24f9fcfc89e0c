namespace Structs;

/// <summary>Prints every attribute the configuration gave this instance.</summary>
public sealed class Client : ClientBase
{
    protected override void Run()
    {
        Console.WriteLine($"config: name {Config.Name}, age {Config.Age}, height {Config.Height}");
        Console.WriteLine($"inline_struct: age {InlineStruct["age"]}, height {InlineStruct["height"]}");
        Console.WriteLine($"nested_struct: b {NestedStruct.B}, c.a {NestedStruct.C.A}");
        Console.WriteLine($"array_struct: {string.Join(", ", ArrayStruct.Select(f => f.A))}");
        Console.WriteLine($"numbers: {string.Join(", ", Numbers)}");
        Console.WriteLine($"strings: {string.Join(" ", Strings)}");
        var b = ArrayInStruct.B ?? [];
        Console.WriteLine($"array_in_struct: array length: {b.Length}, first element {b[0]}");
    }
}
