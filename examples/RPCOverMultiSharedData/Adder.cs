namespace RPCOverMultiSharedData;

/// <summary>Adds the operands of the payload it was handed and writes the sum back into it.</summary>
public sealed class Adder : AdderBase
{
    protected override void A_Calculate(ref Payload data)
    {
        data.Result = 0;
        for (var i = 0; i < data.Size; i++)
        {
            Console.WriteLine($"{InstanceName}: Adding {data.Operands[i]}");
            data.Result += data.Operands[i];
        }
    }
}
