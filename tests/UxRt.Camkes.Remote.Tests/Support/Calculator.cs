using UxRt.Camkes.Runtime.Glue;

namespace UxRt.Camkes.Remote.Tests.Support;

/// <summary>
/// A hand-written seL4RPCDataport procedure, as the generator would write it: <c>int add(int, int)</c>,
/// <c>string echo(string)</c>, <c>void fail(string)</c> (throws), <c>int sender()</c> (the caller's badge)
/// <c>void stall()</c> (returns once the dispatcher's gate opens) and <c>int nap(int)</c> (sleeps that
/// many milliseconds, counts itself, returns its argument).
/// </summary>
internal static class Calculator
{
    public static readonly string[] MethodNames = ["add", "echo", "fail", "sender", "stall", "nap"];

    public const int Add = 0;
    public const int Echo = 1;
    public const int Fail = 2;
    public const int Sender = 3;
    public const int Stall = 4;
    public const int Nap = 5;
}

/// <summary>The server end of <see cref="Calculator"/>.</summary>
internal sealed class CalculatorDispatcher : ICallDispatcher
{
    private int _calls;
    private int _naps;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>How many <c>nap</c> calls ran.</summary>
    public int Naps => Volatile.Read(ref _naps);

    /// <summary>What <c>stall</c> waits for.</summary>
    public ManualResetEventSlim Gate { get; } = new(initialState: false);

    public string MethodName(int index) => (uint)index < (uint)Calculator.MethodNames.Length ? Calculator.MethodNames[index] : $"#{index}";

    /// <summary>The managed thread the last call ran on.</summary>
    public int LastThreadId { get; private set; }

    public void Dispatch(CallFrame frame)
    {
        LastThreadId = Environment.CurrentManagedThreadId;
        Interlocked.Increment(ref _calls);
        var message = ((MessageFrame)frame).Message;
        message.Rewind();
        switch (frame.Method)
        {
            case Calculator.Add:
                var sum = message.Read<int>() + message.Read<int>();
                message.Rewind();
                message.Write(sum);
                break;
            case Calculator.Echo:
                var text = message.ReadString();
                message.Rewind();
                message.WriteString(text);
                break;
            case Calculator.Fail:
                throw new InvalidOperationException(message.ReadString());
            case Calculator.Stall:
                Gate.Wait();
                break;
            case Calculator.Nap:
                Interlocked.Increment(ref _naps);
                var milliseconds = message.Read<int>();
                Thread.Sleep(milliseconds);
                message.Rewind();
                message.Write(milliseconds);
                break;
            case Calculator.Sender:
                message.Rewind();
                message.Write(CallContext.SenderBadge);
                break;
            default:
                throw new InvalidOperationException($"no method #{frame.Method}");
        }
    }
}

/// <summary>The client end of <see cref="Calculator"/>: blocking calls for a native thread, awaitable ones for a unicore component.</summary>
internal sealed class CalculatorClient(Endpoint endpoint, int badge = 0, int capacity = MessageFrame.DefaultCapacity)
{
    public int Add(int a, int b)
    {
        var frame = Frame(Calculator.Add);
        frame.Message.Write(a);
        frame.Message.Write(b);
        endpoint.Call(frame);
        frame.Message.Rewind();
        return frame.Message.Read<int>();
    }

    public async ValueTask<int> AddAsync(int a, int b)
    {
        var frame = Frame(Calculator.Add);
        frame.Message.Write(a);
        frame.Message.Write(b);
        await endpoint.CallAsync(frame);
        frame.Message.Rewind();
        return frame.Message.Read<int>();
    }

    public string Echo(string text)
    {
        var frame = Frame(Calculator.Echo);
        frame.Message.WriteString(text);
        endpoint.Call(frame);
        frame.Message.Rewind();
        return frame.Message.ReadString();
    }

    public void Fail(string message)
    {
        var frame = Frame(Calculator.Fail);
        frame.Message.WriteString(message);
        endpoint.Call(frame);
    }

    public void Stall() => endpoint.Call(Frame(Calculator.Stall));

    public async ValueTask<int> NapAsync(int milliseconds)
    {
        var frame = Frame(Calculator.Nap);
        frame.Message.Write(milliseconds);
        await endpoint.CallAsync(frame);
        frame.Message.Rewind();
        return frame.Message.Read<int>();
    }

    public int Sender()
    {
        var frame = Frame(Calculator.Sender);
        endpoint.Call(frame);
        frame.Message.Rewind();
        return frame.Message.Read<int>();
    }

    private MessageFrame Frame(int method)
    {
        var frame = new MessageFrame(capacity) { Method = method, Badge = badge };
        frame.Message.Rewind();
        return frame;
    }
}
