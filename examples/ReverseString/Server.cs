using System.Text;

namespace ReverseString;

/// <summary>Waits for the flag, reverses the string in place, and lowers the flag.</summary>
public sealed class Server : ServerBase
{
    protected override void Run()
    {
        while (Buffer.Bytes[Layout.EndIndex] == 0)
        {
            Thread.Yield();
            Buffer.Acquire();
        }

        var bytes = Buffer.WritableBytes;
        var length = bytes[..Layout.MaxLength].IndexOf((byte)0);
        Console.WriteLine($"Got string: {Encoding.ASCII.GetString(bytes[..length])}");
        bytes[..length].Reverse();
        Buffer.Release();
        bytes[Layout.EndIndex] = 0;
    }
}
