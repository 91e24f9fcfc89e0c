using UxRt.Camkes.Runtime.Glue;

namespace UxRt.Camkes.Benchmarks.Runtime;

/// <summary>
/// A call written against the runtime by hand, without the generator: the frame, the client that
/// fills it and the dispatcher that serves it, over an endpoint made directly. The benchmarks put
/// it beside the generated glue, which should cost the same.
/// </summary>
public sealed class HandWrittenFrame : CallFrame
{
    public int A;
    public int B;
    public int Sum;
}

public sealed class HandWrittenClient(Endpoint endpoint) : IAdder
{
    private readonly HandWrittenFrame _frame = new();

    public int Add(int a, int b)
    {
        _frame.A = a;
        _frame.B = b;
        endpoint.Call(_frame);
        return _frame.Sum;
    }
}

public sealed class HandWrittenDispatcher(IAdder implementation) : ICallDispatcher
{
    public string MethodName(int index) => "add";

    public void Dispatch(CallFrame frame)
    {
        var call = (HandWrittenFrame)frame;
        call.Sum = implementation.Add(call.A, call.B);
    }
}

/// <summary>An interface thread started by hand for a <see cref="ThreadedEndpoint"/>.</summary>
public sealed class HandWrittenServer : IDisposable
{
    private readonly Thread _thread;

    public HandWrittenServer(IAdder implementation)
        : this(new HandWrittenDispatcher(implementation))
    {
    }

    /// <summary>Serves any dispatcher of the adder (the message-buffer one of the remote benchmarks too).</summary>
    public HandWrittenServer(ICallDispatcher dispatcher)
    {
        Endpoint = new ThreadedEndpoint("server", "adder", dispatcher);
        _thread = new Thread(Endpoint.Serve) { IsBackground = true, Name = "server.adder" };
        _thread.Start();
    }

    public ThreadedEndpoint Endpoint { get; }

    public void Dispose()
    {
        Endpoint.Close();
        _thread.Join();
    }
}
