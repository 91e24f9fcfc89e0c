using UxRt.Camkes.Runtime.Errors;
using UxRt.Camkes.Runtime.Glue;

namespace UxRt.Camkes.Runtime.Tests.Rpc;

/// <summary>Buffer limits of RPC over a dataport and the error-handler API (CAmkES's testdataportrpc semantics).</summary>
public sealed class CallBufferTests
{
    [Fact]
    public void A_string_takes_its_bytes_and_a_nul_so_a_page_holds_4095_characters()
    {
        var buffer = new CallBuffer(4096, "c", "b");

        Assert.Equal(4096, CallBuffer.SizeOf(new string('x', 4095)));
        Assert.True(buffer.Admits("echo", CallBuffer.SizeOf(new string('x', 4095))));
    }

    [Fact]
    public void A_call_that_does_not_fit_goes_to_the_handler_which_may_discard_it()
    {
        var buffer = new CallBuffer(100, "c", "h");
        var client = new BufferedClient(buffer);
        CamkesError? seen = null;
        CamkesErrors.RegisterErrorHandler(client, error =>
        {
            seen = error;
            return CamkesErrorAction.Discard;
        });

        Assert.False(buffer.Admits("echo", 101));
        Assert.Equal(new CamkesError(CamkesErrorType.BufferLengthExceeded, "c", "h", "echo", 101, 100), seen);
    }

    [Fact]
    public void Without_a_handler_or_when_it_halts_the_call_fails_the_caller()
    {
        var buffer = new CallBuffer(100, "c", "h");
        var client = new BufferedClient(buffer);

        Assert.Throws<CamkesErrorException>(() => buffer.Admits("echo", 101));
        CamkesErrors.RegisterErrorHandler(client, _ => CamkesErrorAction.Halt);
        Assert.Throws<CamkesErrorException>(() => buffer.Admits("echo", 101));
    }

    [Fact]
    public void Only_a_client_with_a_buffer_takes_a_handler()
    {
        Assert.Throws<ArgumentException>(() => CamkesErrors.RegisterErrorHandler(new object(), _ => CamkesErrorAction.Discard));
        Assert.Throws<ArgumentException>(() => CamkesErrors.RegisterErrorHandler(new BufferedClient(null), _ => CamkesErrorAction.Discard));
    }

    private sealed class BufferedClient(CallBuffer? buffer) : IBufferedClient
    {
        public CallBuffer? CallBuffer { get; } = buffer;
    }
}
