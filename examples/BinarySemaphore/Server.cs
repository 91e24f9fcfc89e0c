namespace BinarySemaphore;

/// <summary>
/// The handler registers a callback for the next event and waits on the binary semaphore; the
/// callback, on the event thread, hands the value over and posts the semaphore.
/// </summary>
public sealed class Server : ServerBase
{
    private int _value;
    private int _answer;

    protected override int EchoEcho(int i)
    {
        _value = i;
        using (Ready.RegisterCallback(_ =>
        {
            _answer = _value;
            Binsem.Post();
        }))
        {
            Binsem.Wait(StopRequested);
        }

        return _answer;
    }
}
