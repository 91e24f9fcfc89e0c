using UxRt.Camkes.Runtime.Glue;

namespace UxRt.Camkes.Runtime.Tests.Support;

/// <summary>A procedure written the way the generator writes one, covering every parameter direction, strings and arrays.</summary>
public interface ICalculator
{
    int Add(int a, int b);

    string Greet(string name);

    void Swap(ref int left, ref int right);

    void Split(long value, out int high, out int low);

    int Sum(int[] values);

    int Measure(in double value);

    int SenderId();

    void Fail(string message);
}

/// <summary>The call frame of <see cref="ICalculator"/>.</summary>
public sealed class CalculatorFrame : CallFrame
{
    public int A;
    public int B;
    public int IntResult;
    public string Text = string.Empty;
    public long Long;
    public int[] Values = [];
    public double Double;
}

/// <summary>The client end: fills the frame and calls the endpoint.</summary>
public sealed class CalculatorClient(Endpoint endpoint, int badge) : ICalculator
{
    private readonly FrameCache<CalculatorFrame> _frames = new(static () => new CalculatorFrame());

    public int Add(int a, int b)
    {
        var call = Begin(0);
        try
        {
            call.A = a;
            call.B = b;
            endpoint.Call(call);
            return call.IntResult;
        }
        finally
        {
            _frames.Return(call);
        }
    }

    public string Greet(string name)
    {
        var call = Begin(1);
        try
        {
            call.Text = name;
            endpoint.Call(call);
            return call.Text;
        }
        finally
        {
            _frames.Return(call);
        }
    }

    public void Swap(ref int left, ref int right)
    {
        var call = Begin(2);
        try
        {
            call.A = left;
            call.B = right;
            endpoint.Call(call);
            left = call.A;
            right = call.B;
        }
        finally
        {
            _frames.Return(call);
        }
    }

    public void Split(long value, out int high, out int low)
    {
        var call = Begin(3);
        try
        {
            call.Long = value;
            endpoint.Call(call);
            high = call.A;
            low = call.B;
        }
        finally
        {
            _frames.Return(call);
        }
    }

    public int Sum(int[] values)
    {
        var call = Begin(4);
        try
        {
            call.Values = values;
            endpoint.Call(call);
            return call.IntResult;
        }
        finally
        {
            _frames.Return(call);
        }
    }

    public int Measure(in double value)
    {
        var call = Begin(5);
        try
        {
            call.Double = value;
            endpoint.Call(call);
            return call.IntResult;
        }
        finally
        {
            _frames.Return(call);
        }
    }

    public int SenderId()
    {
        var call = Begin(6);
        try
        {
            endpoint.Call(call);
            return call.IntResult;
        }
        finally
        {
            _frames.Return(call);
        }
    }

    public void Fail(string message)
    {
        var call = Begin(7);
        try
        {
            call.Text = message;
            endpoint.Call(call);
        }
        finally
        {
            _frames.Return(call);
        }
    }

    private CalculatorFrame Begin(int method)
    {
        var call = _frames.Rent();
        call.Method = method;
        call.Badge = badge;
        return call;
    }
}

/// <summary>The server end: reads the frame, calls the implementation, writes the results.</summary>
public sealed class CalculatorDispatcher(ICalculator implementation) : ICallDispatcher
{
    private static readonly string[] Names = ["add", "greet", "swap", "split", "sum", "measure", "sender_id", "fail"];

    public string MethodName(int index) => (uint)index < (uint)Names.Length ? Names[index] : $"#{index}";

    public void Dispatch(CallFrame frame)
    {
        var call = (CalculatorFrame)frame;
        switch (call.Method)
        {
            case 0:
                call.IntResult = implementation.Add(call.A, call.B);
                break;
            case 1:
                call.Text = implementation.Greet(call.Text);
                break;
            case 2:
                implementation.Swap(ref call.A, ref call.B);
                break;
            case 3:
                implementation.Split(call.Long, out call.A, out call.B);
                break;
            case 4:
                call.IntResult = implementation.Sum(call.Values);
                break;
            case 5:
                call.IntResult = implementation.Measure(call.Double);
                break;
            case 6:
                call.IntResult = implementation.SenderId();
                break;
            case 7:
                implementation.Fail(call.Text);
                break;
            default:
                throw new InvalidOperationException($"no method #{call.Method}");
        }
    }
}

/// <summary>The server's implementation; records the thread each call ran on.</summary>
public sealed class Calculator : ICalculator
{
    public Thread? LastThread { get; private set; }

    public int Add(int a, int b)
    {
        LastThread = Thread.CurrentThread;
        return a + b;
    }

    public string Greet(string name) => "hello " + name;

    public void Swap(ref int left, ref int right) => (left, right) = (right, left);

    public void Split(long value, out int high, out int low)
    {
        high = (int)(value >> 32);
        low = (int)value;
    }

    public int Sum(int[] values) => values.Sum();

    public int Measure(in double value) => (int)Math.Round(value);

    public int SenderId() => CallContext.SenderBadge;

    public void Fail(string message) => throw new InvalidOperationException(message);
}
