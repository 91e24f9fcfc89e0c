using UxRt.Camkes.Runtime.Glue;

namespace UxRt.Camkes.Runtime.Tests.Rpc;

/// <summary>The server end of a seL4RPCCallNoType interface whose clients use different procedures.</summary>
public sealed class ProcedureSwitchTests
{
    [Fact]
    public async Task Each_call_goes_to_the_dispatcher_of_its_frames_procedure()
    {
        var hello = new Recording("hello");
        var goodbye = new Recording("bye");
        var server = new ProcedureSwitch((typeof(HelloFrame), hello), (typeof(GoodbyeFrame), goodbye));
        var unicore = new AsyncProcedureSwitch((typeof(HelloFrame), new SynchronousDispatcher(hello)), (typeof(GoodbyeFrame), new SynchronousDispatcher(goodbye)));

        server.Dispatch(new HelloFrame());
        server.Dispatch(new GoodbyeFrame());
        await unicore.DispatchAsync(new GoodbyeFrame());

        Assert.Equal(1, hello.Calls);
        Assert.Equal(2, goodbye.Calls);
        Assert.Equal("hello or bye", server.MethodName(0));
        Assert.Equal("hello or bye", unicore.MethodName(0));
    }

    [Fact]
    public void A_frame_of_no_served_procedure_is_refused_by_name()
    {
        var server = new ProcedureSwitch((typeof(HelloFrame), new Recording("hello")));

        var error = Assert.Throws<InvalidOperationException>(() => server.Dispatch(new GoodbyeFrame()));
        Assert.Contains(nameof(GoodbyeFrame), error.Message, StringComparison.Ordinal);
    }

    private sealed class HelloFrame : CallFrame;

    private sealed class GoodbyeFrame : CallFrame;

    private sealed class Recording(string method) : ICallDispatcher
    {
        public int Calls { get; private set; }

        public string MethodName(int index) => method;

        public void Dispatch(CallFrame frame) => Calls++;
    }
}
