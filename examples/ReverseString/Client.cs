using System.Text;

namespace ReverseString;

/// <summary>Writes the string, raises the flag in the last byte, and polls until the server lowers it.</summary>
public sealed class Client : ClientBase
{
    protected override void Run()
    {
        var bytes = Buffer.WritableBytes;
        var length = Encoding.ASCII.GetBytes("Hello, World!", bytes);
        bytes[length] = 0;
        Console.WriteLine($"Sending string: {Encoding.ASCII.GetString(bytes[..length])}");
        Buffer.Release();
        bytes[Layout.EndIndex] = 1;
        do
        {
            Thread.Yield();
            Buffer.Acquire();
        }
        while (Buffer.Bytes[Layout.EndIndex] != 0);

        Console.WriteLine(Encoding.ASCII.GetString(Buffer.Bytes[..length]));
    }
}
