using UxRt.Camkes.Runtime.Rpc;

namespace UxRt.Camkes.Benchmarks.Runtime;

/// <summary>A one-method procedure with its frame, client and dispatcher, written as the generator writes them.</summary>
public interface IAdder
{
    int Add(int a, int b);
}

public sealed class Adder : IAdder
{
    public int Add(int a, int b) => a + b;
}

public sealed class AdderFrame : CallFrame
{
    public int A;
    public int B;
    public int Result;
}

public sealed class AdderClient(Endpoint endpoint, int badge) : IAdder
{
    private readonly FrameCache<AdderFrame> _frames = new(static () => new AdderFrame());

    public int Add(int a, int b)
    {
        var call = _frames.Rent();
        try
        {
            call.Method = 0;
            call.Badge = badge;
            call.A = a;
            call.B = b;
            endpoint.Call(call);
            return call.Result;
        }
        finally
        {
            _frames.Return(call);
        }
    }
}

public sealed class AdderDispatcher(IAdder implementation) : ICallDispatcher
{
    public string MethodName(int index) => "add";

    public void Dispatch(CallFrame frame)
    {
        var call = (AdderFrame)frame;
        call.Result = implementation.Add(call.A, call.B);
    }
}

/// <summary>The awaitable form a unicore component calls through, written as the generator writes it.</summary>
public sealed class AdderAsyncClient(Endpoint endpoint, int badge)
{
    private readonly FrameCache<AdderFrame> _frames = new(static () => new AdderFrame());

    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<int> AddAsync(int a, int b)
    {
        var call = _frames.Rent();
        try
        {
            call.Method = 0;
            call.Badge = badge;
            call.A = a;
            call.B = b;
            await endpoint.CallAsync(call);
            return call.Result;
        }
        finally
        {
            _frames.Return(call);
        }
    }
}
