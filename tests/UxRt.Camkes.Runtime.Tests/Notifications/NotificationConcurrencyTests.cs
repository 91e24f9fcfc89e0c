using UxRt.Camkes.Runtime.Notifications;
using UxRt.Camkes.Runtime.Tests.Support;

namespace UxRt.Camkes.Runtime.Tests.Notifications;

/// <summary>Races between signal and wait: each test has one possible outcome, reached only if no wake-up is ever lost.</summary>
public sealed class NotificationConcurrencyTests
{
    [Fact]
    public void A_ping_pong_of_20_000_rounds_loses_no_wake_up()
    {
        const int Rounds = 20_000;
        var ping = new Notification("b", "ping");
        var pong = new Notification("a", "pong");

        var rounds = PingPong(Rounds, ping, pong, waitForPing: token => ping.Wait(token), waitForPong: token => pong.Wait(token));

        Assert.Equal(Rounds, rounds);
    }

    [Fact]
    public void A_ping_pong_through_notification_sets_loses_no_wake_up()
    {
        const int Rounds = 10_000;
        var ping = new Notification("b", "ping");
        var pong = new Notification("a", "pong");
        var aSet = new NotificationSet();
        var bSet = new NotificationSet();
        aSet.Add(pong);
        bSet.Add(ping);

        var rounds = PingPong(Rounds, ping, pong, waitForPing: token => bSet.Wait(token), waitForPong: token => aSet.Wait(token));

        Assert.Equal(Rounds, rounds);
    }

    [Fact]
    public void Concurrent_signals_coalesce_yet_every_badge_reaches_the_consumer()
    {
        const int Emitters = 4;
        const int SignalsEach = 10_000;
        const int FinishedShift = 8;
        const int AllFinished = ((1 << Emitters) - 1) << FinishedShift;
        var notification = new Notification("consumer", "work");
        var seen = new int[Emitters];
        var finished = 0;
        var wakeUps = 0;
        using var timeout = new CancellationTokenSource(Bounded.Wait);

        // Each emitter ends with a "finished" bit of its own, so the consumer knows when to stop
        // without any timing: every work bit of an emitter was set before its finished bit.
        var emitters = Enumerable.Range(0, Emitters).Select(e => (Action)(() =>
        {
            for (var i = 0; i < SignalsEach; i++)
            {
                notification.Signal(1 << e);
            }

            notification.Signal(1 << (e + FinishedShift));
        }));
        Action consumer = () =>
        {
            while (finished != AllFinished)
            {
                var bits = notification.Wait(timeout.Token);
                wakeUps++;
                finished |= bits & AllFinished;
                for (var e = 0; e < Emitters; e++)
                {
                    seen[e] += (bits >> e) & 1;
                }
            }
        };

        Bounded.RunThreads([.. emitters, consumer]);

        Assert.All(seen, count => Assert.InRange(count, 1, SignalsEach));
        Assert.InRange(wakeUps, 1, Emitters * (SignalsEach + 1));
        Assert.Equal(0, notification.Poll());
    }

    [Fact]
    public void Concurrent_signals_on_a_counting_notification_are_all_counted()
    {
        const int Emitters = 4;
        const int SignalsEach = 10_000;
        var queue = new Notification("consumer", "items", NotificationMode.Counting);
        long received = 0;
        using var timeout = new CancellationTokenSource(Bounded.Wait);

        var emitters = Enumerable.Range(0, Emitters).Select(_ => (Action)(() =>
        {
            for (var i = 0; i < SignalsEach; i++)
            {
                queue.Signal();
            }
        }));
        Action consumer = () =>
        {
            while (received < Emitters * SignalsEach)
            {
                received += queue.Wait(timeout.Token);
            }
        };

        Bounded.RunThreads([.. emitters, consumer]);

        Assert.Equal(Emitters * SignalsEach, received);
        Assert.Equal(0, queue.Poll());
    }

    [Fact]
    public void Signals_spread_over_a_large_set_from_several_threads_are_all_accounted_for()
    {
        const int Notifications = 2_000;
        const int Emitters = 4;
        const int SignalsEach = 5_000;
        var members = Enumerable.Range(0, Notifications).Select(i => new Notification("consumer", $"n{i}", NotificationMode.Counting)).ToArray();
        var set = new NotificationSet();
        Array.ForEach(members, set.Add);
        var perMember = new long[Notifications];
        long received = 0;
        using var timeout = new CancellationTokenSource(Bounded.Wait);

        var emitters = Enumerable.Range(0, Emitters).Select(e => (Action)(() =>
        {
            for (var i = 0; i < SignalsEach; i++)
            {
                members[(e * 7919 + i * 31) % Notifications].Signal();
            }
        }));
        Action consumer = () =>
        {
            var index = members.Select((m, i) => (m, i)).ToDictionary(p => p.m, p => p.i);
            while (received < Emitters * SignalsEach)
            {
                var signal = set.Wait(timeout.Token);
                perMember[index[signal.Source]] += signal.Bits;
                received += signal.Bits;
            }
        };

        Bounded.RunThreads([.. emitters, consumer]);

        var expected = new long[Notifications];
        for (var e = 0; e < Emitters; e++)
        {
            for (var i = 0; i < SignalsEach; i++)
            {
                expected[(e * 7919 + i * 31) % Notifications]++;
            }
        }

        Assert.Equal(expected, perMember);
    }

    /// <summary>
    /// Two threads take turns: one signals <paramref name="ping"/> and waits for the answer, the
    /// other waits for it and signals <paramref name="pong"/>. Returns the rounds completed, which
    /// fall short only if a wake-up was lost (the bounded wait then fails the test).
    /// </summary>
    private static int PingPong(int rounds, Notification ping, Notification pong, Action<CancellationToken> waitForPing, Action<CancellationToken> waitForPong)
    {
        using var timeout = new CancellationTokenSource(Bounded.Wait);
        var completed = 0;

        Bounded.RunThreads(
            () =>
            {
                for (var i = 0; i < rounds; i++)
                {
                    ping.Signal();
                    waitForPong(timeout.Token);
                    completed++;
                }
            },
            () =>
            {
                for (var i = 0; i < rounds; i++)
                {
                    waitForPing(timeout.Token);
                    pong.Signal();
                }
            });

        return completed;
    }
}
