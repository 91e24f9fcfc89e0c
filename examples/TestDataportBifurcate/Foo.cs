using UxRt.Camkes.Runtime.Dataports;

namespace TestDataportBifurcate;

/// <summary>
/// Its four dataports are the four ends of one connection, so they are one region: what is written
/// through one must be read back through the next, round the ring.
/// </summary>
public sealed class Foo : FooBase
{
    protected override void Run()
    {
        Console.WriteLine("Writing 42...");
        WriteThenRead(D1, D2, 42);
        WriteThenRead(D2, D3, 43);
        WriteThenRead(D3, D4, 44);
        WriteThenRead(D4, D1, 45);
        Console.WriteLine("All OK");
    }

    private static void WriteThenRead(Dataport written, Dataport read, int value)
    {
        written.Write<int>() = value;
        written.Release();
        read.Acquire();
        var seen = read.Read<int>();
        if (seen != value)
        {
            throw new InvalidOperationException($"wrote {value} to {written.Name} but read {seen} from {read.Name}");
        }
    }
}
