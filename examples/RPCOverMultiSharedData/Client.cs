namespace RPCOverMultiSharedData;

/// <summary>Fills a payload with the operands and asks the adder, which writes the sum into it.</summary>
public sealed class Client : ClientBase
{
    protected override void Run()
    {
        int[] operands = [342, 74, 283, 37, 534];
        Console.WriteLine($"{InstanceName}: what's the answer to {string.Join(" + ", operands)} ?");

        var payload = new Payload { Size = operands.Length };
        operands.CopyTo(payload.Operands);
        A.Calculate(ref payload);

        Console.WriteLine($"{InstanceName}: result was {payload.Result}");
    }
}
