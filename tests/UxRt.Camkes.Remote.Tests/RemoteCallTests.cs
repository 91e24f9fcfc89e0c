using UxRt.Camkes.Remote.Tests.Support;
using UxRt.Camkes.Runtime.Faults;

namespace UxRt.Camkes.Remote.Tests;

/// <summary>Procedure calls from one node to another: results, sender ids and faults as in one process.</summary>
public sealed class RemoteCallTests
{
    [Fact]
    public async Task A_blocking_call_reaches_the_other_node_and_returns_its_results()
    {
        await using var nodes = await NodePair.StartAsync();
        var client = new CalculatorClient(nodes.Import(), badge: 7);

        var (sum, echoed) = await Bounded.OnThread(() => (client.Add(2, 40), client.Echo("héllo")));

        Assert.Equal(42, sum);
        Assert.Equal("héllo", echoed);
        Assert.Equal(2, nodes.Dispatcher.Calls);
    }

    [Fact]
    public async Task The_server_sees_the_callers_badge_as_its_sender_id()
    {
        await using var nodes = await NodePair.StartAsync();
        var endpoint = nodes.Import();

        var senders = await Bounded.OnThread(() => (new CalculatorClient(endpoint, badge: 7).Sender(), new CalculatorClient(endpoint, badge: 9).Sender()));

        Assert.Equal((7, 9), senders);
    }

    [Fact]
    public async Task A_handler_exception_reaches_the_caller_as_the_same_fault_as_in_one_process()
    {
        await using var nodes = await NodePair.StartAsync();
        var client = new CalculatorClient(nodes.Import(), badge: 7);
        var expected = new ComponentFaultException("calc", "calc", "fail", new InvalidOperationException("out of paper"));

        var fault = await Bounded.OnThread(() => Assert.Throws<ComponentFaultException>(() => client.Fail("out of paper")));

        Assert.Equal((expected.Instance, expected.Interface, expected.Method, expected.Message), (fault.Instance, fault.Interface, fault.Method, fault.Message));
        var cause = Assert.IsType<RemoteFaultException>(fault.InnerException);
        Assert.Equal(typeof(InvalidOperationException).FullName, cause.ExceptionType);
        Assert.Equal("out of paper", cause.Message);
    }
}
