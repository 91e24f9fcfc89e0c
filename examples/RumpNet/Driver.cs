namespace RumpNet;

/// <summary>
/// A native driver: its handler runs on its own interface thread and may block, as putting a
/// frame on a real wire would (on the system's clock, so a simulated run takes no real time for it).
/// </summary>
public sealed class Driver : DriverBase
{
    private static readonly TimeSpan WireTime = TimeSpan.FromMilliseconds(40);

    protected override int LinkTransmit(byte[] frame)
    {
        Sleep(WireTime);
        Console.WriteLine($"driver: put {frame.Length} bytes on the wire");
        return frame.Length;
    }
}
