using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Tests.Support;

namespace UxRt.Camkes.Runtime.Tests.Rpc;

/// <summary>seL4RPCDataport: arguments and results travel through the caller's shared buffer, not frame fields.</summary>
public sealed class RpcDataportTests
{
    [Theory]
    [InlineData(EndpointKind.Threaded)]
    [InlineData(EndpointKind.Passive)]
    public void Arguments_and_results_travel_through_the_buffer(EndpointKind kind)
    {
        using var served = ServedEndpoint.Start(kind, new JoinerDispatcher());
        var client = new JoinerClient(served.Endpoint, capacity: 256);

        var joined = client.Join(["a", "bc", "déf"], separator: '-', repeat: 1, out var count);

        Assert.Equal("a-bc-déf", joined);
        Assert.Equal(3, count);
    }

    [Fact]
    public void Arguments_too_large_for_the_buffer_fail_in_the_caller_before_any_call()
    {
        var dispatcher = new JoinerDispatcher();
        using var served = ServedEndpoint.Start(EndpointKind.Threaded, dispatcher);
        var client = new JoinerClient(served.Endpoint, capacity: 32);

        Assert.Throws<InvalidOperationException>(() => client.Join([new string('x', 64)], '-', repeat: 1, out _));
        Assert.Equal(0, dispatcher.Calls);
    }

    [Fact]
    public void Results_too_large_for_the_buffer_reach_the_caller_as_a_fault()
    {
        using var served = ServedEndpoint.Start(EndpointKind.Threaded, new JoinerDispatcher(), instance: "joiner", interfaceName: "join");
        var client = new JoinerClient(served.Endpoint, capacity: 64);

        var fault = Assert.Throws<ComponentFaultException>(() => client.Join(["abc"], '+', repeat: 100, out _));

        Assert.Equal(("joiner", "join", "join"), (fault.Instance, fault.Interface, fault.Method));
    }

    /// <summary>The client of <c>string join(in string parts[], in char separator, in int repeat, out int count)</c>, as the generator writes it.</summary>
    private sealed class JoinerClient(Endpoint endpoint, int capacity)
    {
        private readonly FrameCache<MessageFrame> _frames = new(() => new MessageFrame(capacity));

        public string Join(string[] parts, char separator, int repeat, out int count)
        {
            var call = _frames.Rent();
            try
            {
                call.Method = 0;
                var message = call.Message;
                message.Rewind();
                message.WriteStrings(parts);
                message.Write<char>(separator);
                message.Write<int>(repeat);
                endpoint.Call(call);
                message.Rewind();
                count = message.Read<int>();
                return message.ReadString();
            }
            finally
            {
                _frames.Return(call);
            }
        }
    }

    private sealed class JoinerDispatcher : ICallDispatcher
    {
        public int Calls { get; private set; }

        public string MethodName(int index) => "join";

        public void Dispatch(CallFrame frame)
        {
            Calls++;
            var message = ((MessageFrame)frame).Message;
            message.Rewind();
            var parts = message.ReadStrings();
            var separator = message.Read<char>();
            var repeat = message.Read<int>();
            var result = string.Join(separator, Enumerable.Repeat(string.Join(separator, parts), repeat));
            message.Rewind();
            message.Write(parts.Length);
            message.WriteString(result);
        }
    }
}
