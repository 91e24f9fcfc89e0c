namespace UxRt.Camkes.Runtime.Transport;

/// <summary>Readiness bits a server signals to its clients, with poll(2)'s values.</summary>
public static class PollEvents
{
    /// <summary>There is data to read (POLLIN).</summary>
    public const int In = 0x1;

    /// <summary>Writing will not have to wait (POLLOUT).</summary>
    public const int Out = 0x4;

    /// <summary>The server has hung up (POLLHUP).</summary>
    public const int HangUp = 0x10;
}
