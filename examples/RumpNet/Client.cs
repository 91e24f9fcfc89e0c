using System.Text;

namespace RumpNet;

/// <summary>
/// A native component: writes each packet into the dataport, signals the stack and waits (it
/// may block: it has OS threads of its own) until the stack says the packet is out.
/// </summary>
public sealed class Client : ClientBase
{
    private static readonly string[] Messages = ["hello", "from a native client", "through a rump-style stack"];

    protected override void Run()
    {
        foreach (var text in Messages)
        {
            var bytes = Encoding.ASCII.GetBytes(text);
            Post(bytes);
            Console.WriteLine($"client: packet \"{text}\" sent");
        }

        // An empty packet ends the stream, so the stack can finish too.
        Post([]);
    }

    private void Post(byte[] bytes)
    {
        bytes.CopyTo(Packets.WritableBytes[PacketBoard.DataOffset..]);
        Packets.Write<int>(PacketBoard.LengthOffset) = bytes.Length;
        Packets.Release();
        Request.Emit();
        Sent.Wait(StopRequested);
    }
}
