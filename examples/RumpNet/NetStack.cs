using System.Text;

namespace RumpNet;

/// <summary>
/// A unicore component, hosted the way a rump kernel must be: every line of it runs on its one
/// virtual CPU. Its lightweight threads are the sender (the control thread), a timer, and the
/// event thread that turns each request into a semaphore post. Each printed line names the
/// thread it ran on, and the stack checks at the end that there was only ever one.
/// </summary>
public sealed class NetStack : NetStackBase
{
    private static readonly TimeSpan TickPeriod = TimeSpan.FromMilliseconds(5);

    // Touched only on the CPU, so no lock: that is what owning one thread buys.
    private readonly HashSet<int> _threadsSeen = [];
    private IDisposable? _requests;
    private bool _running;
    private int _ticks;

    protected override void Init()
    {
        _threadsSeen.Clear();
        Say("ready");

        // The callback runs on this instance's event thread: a lightweight thread on the same CPU.
        _requests = Request.RegisterCallback(_ =>
        {
            Note();
            Queued.Post();
        });
    }

    protected override async Task RunAsync()
    {
        _running = true;
        var timer = StartThread("timer", KeepTimeAsync);

        while (true)
        {
            // Parks this lightweight thread only: the timer and the event thread keep running.
            await Queued.WaitAsync(StopRequested);
            Packets.Acquire();
            var length = Packets.Read<int>(PacketBoard.LengthOffset);
            if (length == 0)
            {
                break;
            }

            var frame = Packets.Bytes.Slice(PacketBoard.DataOffset, length).ToArray();
            Say($"sending \"{Encoding.ASCII.GetString(frame)}\" ({length} bytes)");

            // The call is out while the driver works; the reply comes back to this CPU.
            var ticksBefore = _ticks;
            var accepted = await Link.TransmitAsync(frame);
            Say($"the driver took {accepted} bytes; the timer ticked {_ticks - ticksBefore} times while the call was out");
            Sent.Emit();
        }

        _running = false;
        await timer;
        _requests?.Dispose();
        Say($"stopped after {_ticks} timer ticks");
        Console.WriteLine(_threadsSeen.Count == 1
            ? $"netstack: all NetStack code ran on 1 thread (managed thread {_threadsSeen.Single()}, its virtual CPU)"
            : $"netstack: NetStack code ran on {_threadsSeen.Count} threads: {string.Join(", ", _threadsSeen)}");
        Sent.Emit();
    }

    private async Task KeepTimeAsync()
    {
        while (_running)
        {
            await DelayAsync(TickPeriod);
            Note();
            _ticks++;
        }
    }

    private void Say(string text)
    {
        Note();
        Console.WriteLine($"netstack [thread {Environment.CurrentManagedThreadId}]: {text}");
    }

    private void Note() => _threadsSeen.Add(Environment.CurrentManagedThreadId);
}
