namespace TracedCalls;

/// <summary>Adds two numbers, then resets the server: two traced calls.</summary>
public sealed class Client : ClientBase
{
    protected override void Run()
    {
        Console.WriteLine($"{InstanceName}: 2 + 3 = {Calc.Add(2, 3)}");
        Calc.Reset();
    }
}

/// <summary>The server the traced calls reach.</summary>
public sealed class Server : ServerBase
{
    protected override int CalcAdd(int a, int b) => a + b;

    protected override void CalcReset()
    {
    }
}
