using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using UxRt.Camkes.Runtime.Glue;

namespace UxRt.Camkes.Runtime.Tests.GlobalComponents;

public sealed class SoftwareTimeServerTests
{
    private const ulong Millisecond = 1_000_000;

    private sealed class Harness : IDisposable
    {
        public FakeTimeProvider Clock { get; } = new();

        public ConcurrentQueue<int> Signalled { get; } = new();

        public SoftwareTimeServer Server { get; }

        public Harness(int clients = 2, int timersPerClient = 2) =>
            Server = new SoftwareTimeServer(Clock, clients, timersPerClient, Signalled.Enqueue);

        public void Dispose() => Server.Dispose();
    }

    [Fact]
    public void A_periodic_timer_signals_its_client_every_period_and_marks_itself_completed()
    {
        using var h = new Harness();
        Assert.Equal(0, h.Server.Periodic(badge: 2, tid: 1, 10 * Millisecond));
        h.Clock.Advance(TimeSpan.FromMilliseconds(9));
        Assert.Empty(h.Signalled);

        h.Clock.Advance(TimeSpan.FromMilliseconds(1));
        h.Clock.Advance(TimeSpan.FromMilliseconds(10));
        h.Clock.Advance(TimeSpan.FromMilliseconds(10));
        Assert.Equal(new[] { 2, 2, 2 }, h.Signalled);
        Assert.Equal(0b10u, h.Server.Completed(2));
        Assert.Equal(0u, h.Server.Completed(2));
        Assert.Equal(0u, h.Server.Completed(1));
    }

    [Fact]
    public void One_shot_timers_fire_once_relative_or_at_an_absolute_time()
    {
        using var h = new Harness();
        Assert.Equal(0, h.Server.OneshotRelative(1, 0, 5 * Millisecond));
        h.Clock.Advance(TimeSpan.FromMilliseconds(20));
        Assert.Equal(new[] { 1 }, h.Signalled);

        var now = h.Server.Time();
        Assert.Equal(20 * Millisecond, now);
        Assert.Equal(0, h.Server.OneshotAbsolute(1, 1, now + 7 * Millisecond));
        h.Clock.Advance(TimeSpan.FromMilliseconds(6));
        Assert.Single(h.Signalled);
        h.Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(new[] { 1, 1 }, h.Signalled);
        Assert.Equal(0b11u, h.Server.Completed(1));
    }

    [Fact]
    public void A_stopped_timer_never_fires_and_timers_a_client_lacks_are_refused()
    {
        using var h = new Harness(clients: 1, timersPerClient: 1);
        Assert.Equal(0, h.Server.Periodic(1, 0, Millisecond));
        Assert.Equal(0, h.Server.Stop(1, 0));
        h.Clock.Advance(TimeSpan.FromMilliseconds(5));
        Assert.Empty(h.Signalled);

        Assert.Equal(-1, h.Server.Periodic(1, 1, Millisecond));
        Assert.Equal(-1, h.Server.OneshotRelative(2, 0, Millisecond));
        Assert.Equal(-1, h.Server.Stop(0, 0));
    }

    [Fact]
    public void Rearming_a_timer_replaces_its_earlier_setting()
    {
        using var h = new Harness();
        Assert.Equal(0, h.Server.Periodic(1, 0, 2 * Millisecond));
        Assert.Equal(0, h.Server.OneshotRelative(1, 0, 10 * Millisecond));
        h.Clock.Advance(TimeSpan.FromMilliseconds(30));
        Assert.Equal(new[] { 1 }, h.Signalled);
    }
}
