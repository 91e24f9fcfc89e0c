namespace UxRt.Camkes.Runtime.Transport;

/// <summary>
/// Status codes of the UX/RT transport: a read or write returns the number of bytes moved (0 or
/// more) or one of these negative values, POSIX errno numbers as Linux spells them. Errors cross
/// the connection as values, never as exceptions.
/// </summary>
public static class TransportStatus
{
    /// <summary>No such path in the caller's namespace (ENOENT).</summary>
    public const long NoEntry = -2;

    /// <summary>The server faulted while handling the call (EIO); the client's <c>LastFault</c> names it.</summary>
    public const long IOError = -5;

    /// <summary>The endpoint does not allow this direction: a write to a read-only path, or a read from a write-only one (EBADF).</summary>
    public const long BadDescriptor = -9;

    /// <summary>Another call is in flight on this connection end, which carries one at a time like a seL4 thread's IPC buffer (EBUSY).</summary>
    public const long Busy = -16;

    /// <summary>An invalid argument: a negative offset, or an offset and length past the largest offset (EINVAL).</summary>
    public const long InvalidArgument = -22;

    /// <summary>More bytes than the message can carry: beyond the short message's registers or the long message's buffer (EMSGSIZE).</summary>
    public const long MessageTooLong = -90;

    /// <summary>The server has stopped and no longer takes calls (ESHUTDOWN).</summary>
    public const long ShutDown = -108;

    /// <summary>A short text for <paramref name="status"/>, for messages and logs.</summary>
    public static string Describe(long status) => status switch
    {
        >= 0 => $"{status} bytes",
        NoEntry => "ENOENT (no such path)",
        IOError => "EIO (the server faulted)",
        BadDescriptor => "EBADF (the endpoint does not allow this direction)",
        Busy => "EBUSY (another call is in flight on this end)",
        InvalidArgument => "EINVAL (invalid offset or length)",
        MessageTooLong => "EMSGSIZE (more than the message can carry)",
        ShutDown => "ESHUTDOWN (the server has stopped)",
        _ => $"error {-status}",
    };
}
