using System.Text;
using UxRt.Camkes.Runtime.Dataports;

namespace MultiClient;

/// <summary>What Client and Sender both do, as CAmkES's two copies of client.c: one call, then print what the dataport holds.</summary>
internal static class EchoCall
{
    public static void Run(string who, Func<int> echoInt, Dataport d)
    {
        var answer = echoInt();
        d.Acquire();
        var bytes = d.Bytes;
        var text = Encoding.ASCII.GetString(bytes[..bytes.IndexOf((byte)0)]);
        Console.WriteLine($"{who}: echo_int: {answer}{Environment.NewLine}{who}: {text}");
    }
}

public sealed class Client : ClientBase
{
    protected override void Run()
    {
        E.RegisterCallback(_ => Console.WriteLine("client Event received!"));
        EchoCall.Run(InstanceName, S.EchoInt, D);
    }
}

public sealed class Sender : SenderBase
{
    protected override void Run()
    {
        E.RegisterCallback(_ => Console.WriteLine("Sender Event received!"));
        EchoCall.Run(InstanceName, S.EchoInt, D);
    }
}
