namespace UxRt.Camkes.Runtime.Transport;

/// <summary>
/// The size of a short message. seL4 gives a thread <c>seL4_MsgMaxLength</c> = 120 message
/// registers of one machine word (8 bytes on 64-bit); the first few ride in CPU registers, the rest
/// in the thread's IPC buffer, and the kernel copies them to the receiver. The transport reserves
/// three of them (the message type with its status, the offset, the length) and carries the payload
/// in the other 117: up to 936 bytes inline, with no shared buffer. Anything longer goes through the
/// connection's long-message buffer.
/// </summary>
public static class ShortMessage
{
    /// <summary>seL4_MsgMaxLength: message registers per IPC.</summary>
    public const int MessageRegisters = 120;

    /// <summary>Registers kept for the message type and status, the offset and the length.</summary>
    public const int ReservedRegisters = 3;

    /// <summary>Bytes per message register (seL4_Word on a 64-bit kernel).</summary>
    public const int WordSize = 8;

    /// <summary>The most payload a short message carries: 117 words, 936 bytes.</summary>
    public const int MaxBytes = (MessageRegisters - ReservedRegisters) * WordSize;
}
