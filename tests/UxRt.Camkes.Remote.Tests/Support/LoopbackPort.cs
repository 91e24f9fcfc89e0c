using System.Net;
using System.Net.Sockets;

namespace UxRt.Camkes.Remote.Tests.Support;

internal static class LoopbackPort
{
    /// <summary>
    /// A loopback port that is free when asked; the node binds it moments later, which is as close
    /// as a test on a shared machine gets (a node that must come back on the same port needs a fixed one).
    /// </summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
