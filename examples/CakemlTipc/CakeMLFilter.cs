namespace CakemlTipc;

/// <summary>
/// The filter between client 0 and client 1 (CAmkES's CakeML component, here C# on one virtual
/// CPU): each time its global endpoint is signalled it forwards every buffer waiting on its incoming
/// virtqueue to its outgoing one, and reclaims the outgoing buffers client 1 has used.
/// </summary>
public sealed class CakeMLFilter : CakeMLFilterBase
{
    protected override async Task RunAsync()
    {
        var buffer = new byte[Client0Incoming.MaxBufferSize];
        try
        {
            while (true)
            {
                await VirtqueueWait.WaitAsync(StopRequested);
                while (Client0Incoming.TryReceive(buffer, out var length))
                {
                    Client0Incoming.Notify();
                    Console.WriteLine("CakeMLFilter forwarding message");
                    Client1Outgoing.TrySend(buffer.AsSpan(0, length));
                    Client1Outgoing.Notify();
                }

                if (Client1Outgoing.Poll())
                {
                    Client1Outgoing.ReclaimUsed();
                }
            }
        }
        catch (OperationCanceledException) when (StopRequested.IsCancellationRequested)
        {
        }
    }
}
