using UxRt.Camkes.Runtime.Dataports;

namespace Adder;

/// <summary>Writes the operands into the shared dataport and sends the adder only where they are.</summary>
public sealed class Client : ClientBase
{
    private const int RequestOffset = 1024;

    protected override void Run()
    {
        int[] operands = [342, 74, 283, 37, 534];
        Console.WriteLine($"{InstanceName}: what's the answer to {string.Join(" + ", operands)} ?");

        ref var request = ref D.Write<Payload>(RequestOffset);
        request.Size = operands.Length;
        for (var i = 0; i < operands.Length; i++)
        {
            request.Operands[i] = operands[i];
        }

        D.Release();
        var reply = A.Calculate(new DataportPtr(RequestOffset));
        D.Acquire();
        Console.WriteLine($"{InstanceName}: result was {D.Read<Payload>(reply.Offset).Result}");
    }
}
