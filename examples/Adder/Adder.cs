using UxRt.Camkes.Runtime.Dataports;

namespace Adder;

/// <summary>Reads the request where the pointer says, and writes the sum to another place in the same dataport.</summary>
public sealed class Adder : AdderBase
{
    private const int ReplyOffset = 2048;

    protected override DataportPtr A_Calculate(DataportPtr ptr)
    {
        D.Acquire();
        ref readonly var request = ref D.Read<Payload>(ptr.Offset);
        ref var reply = ref D.Write<Payload>(ReplyOffset);
        reply.Result = 0;
        for (var i = 0; i < request.Size; i++)
        {
            Console.WriteLine($"{InstanceName}: Adding {request.Operands[i]}");
            reply.Result += request.Operands[i];
        }

        D.Release();
        return new DataportPtr(ReplyOffset);
    }
}
