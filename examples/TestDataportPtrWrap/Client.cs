namespace TestDataportPtrWrap;

/// <summary>Writes 42 into the shared dataport and posts a pointer to it down the chain of intermediaries.</summary>
public sealed class Client : ClientBase
{
    private const int ValueOffset = 16;

    protected override void Run()
    {
        D.Write<int>(ValueOffset) = 42;
        D.Release();
        var pointer = D.Wrap(ValueOffset);
        Check.That(!pointer.IsNull, "wrapping a place in the dataport gave a null pointer");
        P.Post(pointer);
        Console.WriteLine("All OK");
    }
}
