namespace UxRt.Camkes.Remote.Tests;

/// <summary>The replay window on its own, on a clock the test moves: a request is new once, and only while its time is recent.</summary>
public sealed class ReplayGuardTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(30);

    [Fact]
    public void A_request_is_admitted_once_and_its_id_stays_known_as_long_as_its_time_is_in_the_window()
    {
        var clock = new ManualClock();
        var guard = new ReplayGuard(Deadline, Skew, clock);
        var sent = ReplayGuard.Timestamp(clock);

        Assert.Null(guard.Admit("edge", 1, sent));
        Assert.Contains("a replay", guard.Admit("edge", 1, sent));
        Assert.Null(guard.Admit("other", 1, sent));

        // Through two rotations of the id generations, the id is still known while its time passes.
        for (var step = 0; step < 6; step++)
        {
            clock.Advance(TimeSpan.FromSeconds(10));
            Assert.NotNull(guard.Admit("edge", 1, sent));
        }

        Assert.Contains("outside the replay window", guard.Admit("edge", 1, sent));
    }

    [Fact]
    public void A_request_from_too_far_in_the_past_or_the_future_is_refused()
    {
        var clock = new ManualClock();
        var guard = new ReplayGuard(Deadline, Skew, clock);
        var now = ReplayGuard.Timestamp(clock);

        Assert.Contains("outside the replay window", guard.Admit("edge", 1, now - (long)(Deadline + Skew).TotalMilliseconds - 1));
        Assert.Contains("outside the replay window", guard.Admit("edge", 2, now + (long)Skew.TotalMilliseconds + 1));
        Assert.Null(guard.Admit("edge", 3, now - (long)Deadline.TotalMilliseconds));
    }

    [Fact]
    public void A_call_cancelled_before_it_arrives_is_refused_when_it_does()
    {
        var clock = new ManualClock();
        var guard = new ReplayGuard(Deadline, Skew, clock);

        guard.Forbid("edge", 7);

        Assert.True(guard.Seen("edge", 7));
        Assert.Contains("cancelled before it arrived", guard.Admit("edge", 7, ReplayGuard.Timestamp(clock)));
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
