namespace TestCamkes438;

/// <summary>
/// Calls round the cycle foo -> bar -> foo, as CAmkES's foo.c does: bar's handler calls back into
/// foo.incoming, which foo serves on its own interface thread while its control thread waits. The
/// spec's cycle of synchronous calls is only advice (ADL0019 is an info), because it runs fine.
/// </summary>
public sealed class Foo : FooBase
{
    protected override int IncomingEcho(int x) => x;

    protected override void Run()
    {
        var y = Outgoing.Echo(42);
        if (y != 42)
        {
            throw new InvalidOperationException($"echo of 42 came back as {y}");
        }

        Console.WriteLine("All OK");
    }
}
