using System.Text;

namespace Dataport;

/// <summary>Writes a C string into its outgoing dataport, then polls the incoming one until the other instance's string arrives.</summary>
public sealed class DataportTest : DataportTestBase
{
    protected override void Run()
    {
        Console.WriteLine("Starting...");
        var text = Encoding.ASCII.GetBytes("hello world");
        text.CopyTo(DataOut.WritableBytes);
        DataOut.WritableBytes[text.Length] = 0;
        DataOut.Release();

        while (true)
        {
            DataIn.Acquire();
            if (DataIn.Bytes[0] != 0)
            {
                break;
            }

            Thread.Yield();
        }

        var received = DataIn.Bytes;
        Console.WriteLine($"{InstanceName} read {Encoding.ASCII.GetString(received[..received.IndexOf((byte)0)])}");
    }
}
