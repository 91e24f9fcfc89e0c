using UxRt.Camkes.Remote.Tests.Support;
using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Threading;

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
    public async Task A_message_larger_than_the_default_buffer_fits_as_it_would_in_one_process_when_the_server_allows_it()
    {
        await using var nodes = await NodePair.StartAsync(adjust: (_, options) => options with { MaxMessageSize = 3 * MessageFrame.DefaultCapacity });
        var client = new CalculatorClient(nodes.Import(), badge: 7, capacity: 3 * MessageFrame.DefaultCapacity);
        var text = new string('x', 2 * MessageFrame.DefaultCapacity);

        Assert.Equal(text, await Bounded.OnThread(() => client.Echo(text)));
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

    [Fact]
    public async Task A_unicore_component_awaits_the_call_and_resumes_on_its_own_cpu()
    {
        await using var nodes = await NodePair.StartAsync();
        var client = new CalculatorClient(nodes.Import(), badge: 9);
        var cpu = new VirtualCpu("edge.cpu");
        try
        {
            int sum = 0;
            bool resumedOnCpu = false, blockingRefused = false;
            await cpu.Spawn(async () =>
            {
                sum = await client.AddAsync(20, 22);
                resumedOnCpu = cpu.IsCurrent;
                blockingRefused = Record.Exception(() => client.Add(1, 1)) is BlockingOnVirtualCpuException;
            }).WaitAsync(Bounded.Wait);

            Assert.Equal(42, sum);
            Assert.True(resumedOnCpu, "the awaiting component resumed off its CPU");
            Assert.True(blockingRefused, "a blocking call on a CPU must be refused, as in one process");
        }
        finally
        {
            Assert.True(cpu.Stop(Bounded.Wait));
        }
    }

    [Fact]
    public async Task A_call_to_a_node_that_is_down_faults_naming_the_node_after_the_deadline()
    {
        await using var nodes = await NodePair.StartAsync(adjust: (_, options) => ShortDeadline(options));
        await nodes.StopCoreAsync();
        var client = new CalculatorClient(nodes.Import(), badge: 7);

        var fault = await Bounded.OnThread(() => Assert.Throws<ComponentFaultException>(() => client.Add(1, 2)));
        var awaitedFault = await Assert.ThrowsAsync<ComponentFaultException>(async () => await client.AddAsync(1, 2)).WaitAsync(Bounded.Wait);

        Assert.Equal(("calc", "calc", "add"), (fault.Instance, fault.Interface, fault.Method));
        Assert.Contains("node 'core' unreachable", fault.Message);
        Assert.Contains("node 'core' unreachable", awaitedFault.Message);
    }

    [Fact]
    public async Task A_call_whose_handler_runs_past_the_deadline_faults_as_timed_out_while_running()
    {
        await using var nodes = await NodePair.StartAsync(adjust: (_, options) => ShortDeadline(options));
        var client = new CalculatorClient(nodes.Import(), badge: 7);
        try
        {
            var fault = await Bounded.OnThread(() => Assert.Throws<ComponentFaultException>(client.Stall));

            Assert.Equal(("calc", "calc", "stall"), (fault.Instance, fault.Interface, fault.Method));
            Assert.Contains("timed out while running on node 'core': no answer within 1 s", fault.Message);
            Assert.Equal(RemoteFaultKind.TimedOutWhileRunning, Assert.IsType<RemoteFaultException>(fault.InnerException).Kind);
        }
        finally
        {
            nodes.Dispatcher.Gate.Set();
        }
    }

    [Fact]
    public async Task Calls_resume_by_themselves_when_a_killed_node_is_back_on_its_port()
    {
        await using var nodes = await NodePair.StartAsync(adjust: (_, options) => ShortDeadline(options));
        var client = new CalculatorClient(nodes.Import(), badge: 7);
        Assert.Equal(3, await Bounded.OnThread(() => client.Add(1, 2)));

        await nodes.StopCoreAsync();
        var down = await Bounded.OnThread(() => Assert.Throws<ComponentFaultException>(() => client.Add(1, 2)));
        await nodes.StartCoreAsync();

        Assert.Contains("node 'core' unreachable", down.Message);
        Assert.Equal(7, await Bounded.OnThread(() => client.Add(3, 4)));
    }

    [Fact]
    public async Task A_node_knows_when_every_node_that_may_call_it_has_left_even_one_that_never_called()
    {
        await using var nodes = await NodePair.StartAsync();
        nodes.Import();
        Assert.False(nodes.Core.ImportersLeft.IsCompleted);

        await nodes.Edge.LeaveAsync().WaitAsync(Bounded.Wait);

        await nodes.Core.ImportersLeft.WaitAsync(Bounded.Wait);
    }

    private static RemoteNodeOptions ShortDeadline(RemoteNodeOptions options) => options with { CallDeadline = TimeSpan.FromSeconds(1) };
}
