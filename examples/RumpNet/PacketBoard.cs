namespace RumpNet;

/// <summary>How a packet lies in the shared dataport: its length, then its bytes. A length of 0 ends the stream.</summary>
internal static class PacketBoard
{
    public const int LengthOffset = 0;
    public const int DataOffset = sizeof(int);
}
