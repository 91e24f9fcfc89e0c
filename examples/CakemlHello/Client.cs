namespace CakemlHello;

/// <summary>CAmkES's client.c: calls every method of Hello, then Goodbye's bye, printing what comes back.</summary>
public sealed class Client : ClientBase
{
    protected override void Run()
    {
        Console.WriteLine("Starting the client");
        Console.WriteLine("-------------------");

        H.Hello();
        H.Input(100);
        H.MultiInput(100, 200);

        var i = H.Ret();
        Console.WriteLine($"Hello_ret: {i}");

        H.Output(out i);
        Console.WriteLine($"Hello_output: {i}");

        i = 100;
        Console.Write($"Hello_in_out: {i}");
        H.InOut(ref i);
        Console.WriteLine($"-> {i}");

        i = H.Rainbow(100, 200, out var j, out var k);
        Console.WriteLine($"Hello_rainbow: (100, 200) -> {i} ({j}, {k})");

        H.InputString("Hello CakeML!");
        H.InputStrings("Foo!", "Bar!");

        const string input = "Hello world";
        var reversed = H.ReverseString(input);
        Console.WriteLine($"Hello_reverse_string: \"{input}\" -> \"{reversed}\"");

        G.Bye();
    }
}
