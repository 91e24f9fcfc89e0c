using UxRt.Camkes.Remote.Tests.Support;
using UxRt.Camkes.Runtime.Faults;
using Xunit.Abstractions;

namespace UxRt.Camkes.Remote.Tests;

/// <summary>
/// A deadline says what happened: a call no handler had taken when it passed is failed on the
/// server too and never runs ("not delivered"); one a handler is running is "timed out while
/// running". So every call the caller was told did not run, did not.
/// </summary>
public sealed class DeadlineTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_call_queued_behind_a_hung_handler_is_not_delivered_and_never_runs_while_the_hung_one_timed_out_while_running()
    {
        await using var nodes = await NodePair.StartAsync(adjust: (_, options) => options with { CallDeadline = TimeSpan.FromSeconds(3) });
        var endpoint = nodes.Import();
        try
        {
            var stalled = Bounded.OnThread(() => Assert.Throws<ComponentFaultException>(new CalculatorClient(endpoint, badge: 7).Stall));
            Assert.True(SpinWait.SpinUntil(() => nodes.Dispatcher.Calls == 1, Bounded.Wait), "the stalling call did not reach its handler");
            var queued = Bounded.OnThread(() => Assert.Throws<ComponentFaultException>(() => new CalculatorClient(endpoint, badge: 7).Add(1, 2)));

            var (running, waiting) = (await stalled, await queued);

            Assert.Equal(RemoteFaultKind.TimedOutWhileRunning, Assert.IsType<RemoteFaultException>(running.InnerException).Kind);
            Assert.Contains("calc.calc.stall failed: timed out while running on node 'core'", running.Message);
            Assert.Equal(RemoteFaultKind.NotDelivered, Assert.IsType<RemoteFaultException>(waiting.InnerException).Kind);
            Assert.Contains("calc.calc.add failed: not delivered: node 'core' had not started the call", waiting.Message);
        }
        finally
        {
            nodes.Dispatcher.Gate.Set();
        }

        // A call behind the cancelled one runs after it would have: by then it was skipped.
        Assert.Equal(5, await Bounded.OnThread(() => new CalculatorClient(endpoint, badge: 7).Add(2, 3)));
        Assert.Equal(2, nodes.Dispatcher.Calls);
    }

    [Fact]
    public async Task Under_a_slow_handler_no_call_reported_as_not_delivered_runs()
    {
        const int calls = 100;
        await using var nodes = await NodePair.StartAsync(adjust: (_, options) => options with { CallDeadline = TimeSpan.FromSeconds(1) });
        var endpoint = nodes.Import();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, calls).Select(_ => Task.Run(async () =>
        {
            try
            {
                await new CalculatorClient(endpoint, badge: 7).NapAsync(20);
                return "succeeded";
            }
            catch (ComponentFaultException fault) when (fault.InnerException is RemoteFaultException remote)
            {
                return remote.Kind.ToString();
            }
        }))).WaitAsync(Bounded.Wait);

        // Behind every nap in the queue: when it returns, the interface thread has run or skipped them all.
        Assert.Equal(3, await Bounded.OnThread(() => new CalculatorClient(endpoint, badge: 7).Add(1, 2)));
        int Count(string outcome) => outcomes.Count(o => o == outcome);
        var (succeeded, notDelivered, timedOut, unreachable) = (Count("succeeded"), Count(nameof(RemoteFaultKind.NotDelivered)), Count(nameof(RemoteFaultKind.TimedOutWhileRunning)), Count(nameof(RemoteFaultKind.Unreachable)));
        output.WriteLine($"{calls} calls of a 20 ms handler, 1 s deadline: {succeeded} succeeded, {notDelivered} not delivered, {timedOut} timed out while running, {unreachable} unreachable; the server ran {nodes.Dispatcher.Naps}");

        Assert.Equal(calls, succeeded + notDelivered + timedOut + unreachable);
        // Only calls the caller may believe ran did run (an unreachable one may or may not have).
        Assert.InRange(nodes.Dispatcher.Naps, succeeded + timedOut, succeeded + timedOut + unreachable);
    }
}
