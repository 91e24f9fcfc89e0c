using UxRt.Camkes.Runtime.Glue;

namespace UxRt.Camkes.Runtime.Tests.Support;

/// <summary>
/// <see cref="ICalculator"/> as the generator writes it for a unicore component: each method is
/// awaitable, on the client side (the call never holds the caller's CPU) and on the server side
/// (the implementation may await without holding the server's CPU).
/// </summary>
public interface IAsyncCalculator
{
    ValueTask<int> AddAsync(int a, int b);

    ValueTask<string> GreetAsync(string name);

    ValueTask<int> SenderIdAsync();

    ValueTask FailAsync(string message);
}

/// <summary>The awaitable client end, like the generated unicore client: rents a frame, fills it, and returns the endpoint's awaited reply, which reads the result (a void method awaits the endpoint itself).</summary>
public sealed class CalculatorAsyncClient(Endpoint endpoint, int badge) : IAsyncCalculator
{
    private readonly FrameCache<CalculatorFrame> _frames = new(static () => new CalculatorFrame());

    public ValueTask<int> AddAsync(int a, int b)
    {
        var call = Begin(0);
        call.A = a;
        call.B = b;
        return endpoint.CallAsync(call, _frames, static call => call.IntResult);
    }

    public ValueTask<string> GreetAsync(string name)
    {
        var call = Begin(1);
        call.Text = name;
        return endpoint.CallAsync(call, _frames, static call => call.Text);
    }

    public ValueTask<int> SenderIdAsync() => endpoint.CallAsync(Begin(6), _frames, static call => call.IntResult);

    public async ValueTask FailAsync(string message)
    {
        var call = Begin(7);
        try
        {
            call.Text = message;
            await endpoint.CallAsync(call);
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

/// <summary>The awaitable server end, like the generated unicore dispatcher: awaits the implementation and writes the results back.</summary>
public sealed class CalculatorAsyncDispatcher(IAsyncCalculator implementation) : IAsyncCallDispatcher
{
    private static readonly string[] Names = ["add", "greet", "swap", "split", "sum", "measure", "sender_id", "fail"];

    public string MethodName(int index) => (uint)index < (uint)Names.Length ? Names[index] : $"#{index}";

    public async ValueTask DispatchAsync(CallFrame frame)
    {
        var call = (CalculatorFrame)frame;
        switch (call.Method)
        {
            case 0:
                call.IntResult = await implementation.AddAsync(call.A, call.B);
                break;
            case 1:
                call.Text = await implementation.GreetAsync(call.Text);
                break;
            case 6:
                call.IntResult = await implementation.SenderIdAsync();
                break;
            case 7:
                await implementation.FailAsync(call.Text);
                break;
            default:
                throw new InvalidOperationException($"no awaitable method #{call.Method}");
        }
    }
}

/// <summary>An <see cref="IAsyncCalculator"/> whose methods do the least they can, for tests that override one or two.</summary>
public abstract class StubAsyncCalculator : IAsyncCalculator
{
    public virtual ValueTask<int> AddAsync(int a, int b) => ValueTask.FromResult(a + b);

    public virtual ValueTask<string> GreetAsync(string name) => ValueTask.FromResult("hello " + name);

    public virtual ValueTask<int> SenderIdAsync() => ValueTask.FromResult(CallContext.SenderBadge);

    public virtual ValueTask FailAsync(string message) => ValueTask.FromException(new InvalidOperationException(message));
}
