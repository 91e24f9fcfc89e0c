using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Tests.Support;

namespace UxRt.Camkes.Runtime.Tests.Rpc;

public sealed class EndpointTests
{
    public static TheoryData<EndpointKind> Kinds => new() { EndpointKind.Threaded, EndpointKind.Passive, EndpointKind.Direct };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_parameter_direction_travels_both_ways(EndpointKind kind)
    {
        using var served = ServedEndpoint.Start(kind, new CalculatorDispatcher(new Calculator()));
        var client = new CalculatorClient(served.Endpoint, badge: 1);

        Assert.Equal(5, client.Add(2, 3));
        Assert.Equal("hello world", client.Greet("world"));
        Assert.Equal(10, client.Sum([1, 2, 3, 4]));
        Assert.Equal(3, client.Measure(2.6));

        int left = 1, right = 2;
        client.Swap(ref left, ref right);
        Assert.Equal((2, 1), (left, right));

        client.Split(0x0000_0007_0000_0009, out var high, out var low);
        Assert.Equal((7, 9), (high, low));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_handler_exception_reaches_the_caller_naming_instance_interface_and_method_and_the_server_keeps_serving(EndpointKind kind)
    {
        using var served = ServedEndpoint.Start(kind, new CalculatorDispatcher(new Calculator()), instance: "maths", interfaceName: "calc");
        var client = new CalculatorClient(served.Endpoint, badge: 1);

        var fault = Assert.Throws<ComponentFaultException>(() => client.Fail("division by zero"));

        Assert.Equal(("maths", "calc", "fail"), (fault.Instance, fault.Interface, fault.Method));
        Assert.IsType<InvalidOperationException>(fault.InnerException);
        Assert.Contains("division by zero", fault.Message);
        Assert.Equal(7, client.Add(3, 4));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_closed_endpoint_answers_with_a_fault(EndpointKind kind)
    {
        using var served = ServedEndpoint.Start(kind, new CalculatorDispatcher(new Calculator()));
        var client = new CalculatorClient(served.Endpoint, badge: 1);
        served.Endpoint.Close();

        var fault = Assert.Throws<ComponentFaultException>(() => client.Add(1, 1));

        Assert.Equal("add", fault.Method);
        Assert.Contains("stopped", fault.Message);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_handler_sees_each_callers_badge_as_the_sender_id(EndpointKind kind)
    {
        using var served = ServedEndpoint.Start(kind, new CalculatorDispatcher(new Calculator()));

        Assert.Equal(11, new CalculatorClient(served.Endpoint, badge: 11).SenderId());
        Assert.Equal(42, new CalculatorClient(served.Endpoint, badge: 42).SenderId());
        Assert.Equal(0, CallContext.SenderBadge);
    }

    [Fact]
    public void A_threaded_endpoint_runs_the_handler_on_its_interface_thread()
    {
        var calculator = new Calculator();
        using var served = ServedEndpoint.Start(EndpointKind.Threaded, new CalculatorDispatcher(calculator));

        new CalculatorClient(served.Endpoint, badge: 1).Add(1, 1);

        Assert.Same(served.InterfaceThread, calculator.LastThread);
    }

    [Theory]
    [InlineData(EndpointKind.Passive)]
    [InlineData(EndpointKind.Direct)]
    public void Passive_and_direct_endpoints_run_the_handler_on_the_callers_thread(EndpointKind kind)
    {
        var calculator = new Calculator();
        using var served = ServedEndpoint.Start(kind, new CalculatorDispatcher(calculator));

        new CalculatorClient(served.Endpoint, badge: 1).Add(1, 1);

        Assert.Same(Thread.CurrentThread, calculator.LastThread);
    }

    [Theory]
    [InlineData(EndpointKind.Threaded)]
    [InlineData(EndpointKind.Passive)]
    public void Threaded_and_passive_servers_handle_one_call_at_a_time(EndpointKind kind)
    {
        var server = new UnsynchronisedCounter();
        using var served = ServedEndpoint.Start(kind, new CalculatorDispatcher(server));
        const int Clients = 4;
        const int CallsEach = 5_000;

        Bounded.RunThreads(Enumerable.Range(0, Clients).Select(i => (Action)(() =>
        {
            var client = new CalculatorClient(served.Endpoint, badge: i + 1);
            for (var call = 0; call < CallsEach; call++)
            {
                client.Add(1, 0);
            }
        })).ToArray());

        Assert.Equal(Clients * CallsEach, server.Total);
        Assert.Equal(1, server.MostConcurrent);
    }

    [Fact]
    public void A_nested_call_restores_the_outer_callers_sender_id()
    {
        using var inner = ServedEndpoint.Start(EndpointKind.Direct, new CalculatorDispatcher(new Calculator()));
        var relay = new RelayingCalculator(new CalculatorClient(inner.Endpoint, badge: 2));
        using var outer = ServedEndpoint.Start(EndpointKind.Direct, new CalculatorDispatcher(relay));

        new CalculatorClient(outer.Endpoint, badge: 1).SenderId();

        Assert.Equal((1, 2, 1), (relay.Before, relay.Inner, relay.After));
    }

    /// <summary>Counts calls with a plain read-modify-write: only serialised handling keeps the total exact.</summary>
    private sealed class UnsynchronisedCounter : StubCalculator
    {
        private int _inside;

        public int Total { get; private set; }

        public int MostConcurrent { get; private set; }

        public override int Add(int a, int b)
        {
            var inside = Interlocked.Increment(ref _inside);
            MostConcurrent = Math.Max(MostConcurrent, inside);
            var total = Total;
            Thread.SpinWait(20);
            Total = total + a;
            Interlocked.Decrement(ref _inside);
            return Total;
        }
    }

    private sealed class RelayingCalculator(ICalculator inner) : StubCalculator
    {
        public int Before { get; private set; }

        public int Inner { get; private set; }

        public int After { get; private set; }

        public override int SenderId()
        {
            Before = CallContext.SenderBadge;
            Inner = inner.SenderId();
            After = CallContext.SenderBadge;
            return After;
        }
    }
}
