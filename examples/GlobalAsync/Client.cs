using System.Text;

namespace GlobalAsync;

/// <summary>
/// Waits on its one notification (no event thread: seL4GlobalAsynch), prints the string the
/// sender left in the dataport and signals back that it has it.
/// </summary>
public sealed class Client : ClientBase
{
    // CAmkES's client loops forever and the simulation is stopped from outside; this one stops
    // after the sender's last message so that the system ends by itself.
    protected override void Run()
    {
        for (var i = 0; i < Exchange.Messages; i++)
        {
            NotificationReady.Wait(StopRequested);
            Data.Acquire();
            var bytes = Data.Bytes;
            Console.WriteLine($"Got an event : Incoming data is {Encoding.ASCII.GetString(bytes[..bytes.IndexOf((byte)0)])}");
            NotificationSignal.Emit();
        }
    }
}
