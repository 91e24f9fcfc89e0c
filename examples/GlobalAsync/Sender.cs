namespace GlobalAsync;

/// <summary>
/// Writes ten random 20-character strings into the shared dataport, one at a time: each is
/// signalled to the client, and the next waits for the client's reply.
/// </summary>
public sealed class Sender : SenderBase
{
    private const int Length = 20;

    protected override void Run()
    {
        var random = new MuslRand(100);
        for (var i = 0; i < Exchange.Messages; i++)
        {
            var text = Data.WritableBytes;
            for (var c = 0; c < Length; c++)
            {
                text[c] = (byte)('0' + (random.Next() % 72));
            }

            text[Length] = 0;
            Data.Release();
            NotificationSignal.Emit();
            NotificationReady.Wait(StopRequested);
        }
    }
}
