namespace CakemlTipc;

/// <summary>
/// One of the four clients in the ring (CAmkES's client.c): takes a payload from its receive
/// virtqueue, prints it and sends it on, one higher, through its send virtqueue; client 0 starts
/// the ring. Virtqueue signals reach it through its global endpoint (<c>virtqueue_wait</c>), whose
/// callback runs on this instance's event thread.
/// </summary>
public sealed class Client : ClientBase
{
    private const int CountLimit = 20;
    private const ulong Second = 1_000_000_000;

    protected override void Init() => VirtqueueWait.RegisterCallback(_ => OnVirtqueueSignal());

    protected override void Run()
    {
        if (ClientId == 0)
        {
            Console.WriteLine("Client 0 sending first message");
            SendPayload(1);
        }

        // As in CAmkES, the client then waits on its timer for ever; here until the system stops.
        Timeout.Periodic(0, Second);
        try
        {
            while (true)
            {
                TimeoutNotification.Wait(StopRequested);
            }
        }
        catch (OperationCanceledException) when (StopRequested.IsCancellationRequested)
        {
        }
    }

    private void OnVirtqueueSignal()
    {
        if (Recv.Poll())
        {
            while (Recv.TryReceive(out Payload payload))
            {
                HandleMessage(payload);
            }

            Recv.Notify();
        }

        if (Send.Poll())
        {
            Send.ReclaimUsed();
        }
    }

    private void HandleMessage(Payload payload)
    {
        Console.WriteLine($"Client {ClientId} recieved payload value: {payload.Value}");

        // CAmkES's ring runs on for ever once the count is reached; this one ends the system there.
        if (payload.Value == CountLimit)
        {
            RequestSystemStop();
            return;
        }

        SendPayload(payload.Value + 1);
    }

    private void SendPayload(int value)
    {
        // Buffers the next client has used are reclaimed first, as the C client flushes its queue.
        if (Send.Poll())
        {
            Send.ReclaimUsed();
        }

        if (!Send.TrySend(new Payload(value)))
        {
            Console.Error.WriteLine($"Client {ClientId} send buffer allocation failed");
            return;
        }

        Send.Notify();
    }
}
