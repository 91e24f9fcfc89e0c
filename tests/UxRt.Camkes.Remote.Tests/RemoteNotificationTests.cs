using Microsoft.Extensions.Logging;
using UxRt.Camkes.Remote.Tests.Support;
using UxRt.Camkes.Runtime.Notifications;

namespace UxRt.Camkes.Remote.Tests;

/// <summary>Notifications from one node to another: bits arrive, and signals raised during a send coalesce into the next.</summary>
public sealed class RemoteNotificationTests
{
    private const string Raised = "Node {Node} raised {Bits} on {Connection} for node {Caller}";
    private const string Held = "Node {Node} holds a request on {Connection} from node {Caller} until it has started";

    [Fact]
    public async Task An_emitters_badge_reaches_the_target_on_the_other_node()
    {
        await using var nodes = await NodePair.StartAsync();
        var emitter = new EventEmitter([nodes.ImportEvents()], badge: 4);

        emitter.Emit();

        Assert.Equal(4, await nodes.Events!.WaitAsync().AsTask().WaitAsync(Bounded.Wait));
    }

    [Fact]
    public async Task Signals_raised_while_a_send_is_in_flight_coalesce_into_one_send()
    {
        var log = new RecordingLoggerFactory();
        await using var nodes = await NodePair.StartAsync(loggerFactory: log, openCore: false);
        var local = nodes.ImportEvents();

        // The first send is held by core until it opens, so the next two signals meet it in flight.
        local.Signal(1);
        await Until(() => log.With(Held).Any());
        local.Signal(2);
        local.Signal(4);
        nodes.Core.Open();
        await Until(() => log.With(Raised).Count() == 2);
        local.Signal(8);
        await Until(() => log.With(Raised).Count() == 3);

        Assert.Equal([1, 6, 8], log.With(Raised).Select(entry => (int)entry.Values["Bits"]!));
        Assert.Equal(1 | 6 | 8, nodes.Events!.Poll());
    }

    [Fact]
    public async Task A_signal_raised_just_before_a_node_leaves_arrives_before_the_leave()
    {
        await using var nodes = await NodePair.StartAsync();
        var local = nodes.ImportEvents();

        local.Signal(2);
        await nodes.Edge.LeaveAsync().WaitAsync(Bounded.Wait);

        Assert.Equal(2, nodes.Events!.Poll());
        Assert.True(nodes.Core.ImportersLeft.IsCompleted);
    }

    [Fact]
    public async Task Bits_that_the_emitting_node_was_not_given_are_refused_and_logged()
    {
        var log = new RecordingLoggerFactory();
        await using var nodes = await NodePair.StartAsync(loggerFactory: log);
        var local = nodes.ImportEvents();

        local.Signal(16);
        await Until(() => log.Entries.Any(entry => entry.Level == LogLevel.Error && entry.Message.Contains("rejected signals")));

        Assert.Contains(log.Entries, entry => entry.Level == LogLevel.Warning && entry.Message.Contains("may not signal bits 10"));
        Assert.Equal(0, nodes.Events!.Poll());
    }

    // A bounded poll of what the nodes logged: the log is the only witness of a send on the wire.
    private static Task Until(Func<bool> condition) =>
        Task.Run(() => Assert.True(SpinWait.SpinUntil(condition, Bounded.Wait), "the nodes did not log what was expected in time"));
}
