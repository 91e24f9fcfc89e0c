using System.Collections.Concurrent;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Notifications;
using UxRt.Camkes.Runtime.Tests.Support;

namespace UxRt.Camkes.Runtime.Tests.Notifications;

public sealed class CallbackTests : IDisposable
{
    private readonly EventLoop _loop = new("consumer");
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<Exception> _faults = new();
    private readonly Thread _eventThread;

    public CallbackTests()
    {
        _eventThread = new Thread(() => _loop.Run(_faults.Enqueue, _stop.Token)) { IsBackground = true, Name = "consumer.events" };
        _eventThread.Start();
    }

    [Fact]
    public void A_callback_runs_on_the_consumers_event_thread_never_on_the_emitters()
    {
        var notification = new Notification("consumer", "ready", eventLoop: _loop);
        var ran = new BlockingCollection<(Thread Thread, int Bits)>();
        using var registration = notification.RegisterCallback(bits => ran.Add((Thread.CurrentThread, bits)));

        notification.Signal(4);

        Assert.True(ran.TryTake(out var call, Bounded.Wait));
        Assert.Same(_eventThread, call.Thread);
        Assert.Equal(4, call.Bits);
    }

    [Fact]
    public void A_callback_keeps_firing_until_its_registration_is_disposed()
    {
        var notification = new Notification("consumer", "ready", eventLoop: _loop);
        var calls = new BlockingCollection<int>();
        var registration = notification.RegisterCallback(calls.Add);

        for (var i = 0; i < 3; i++)
        {
            notification.Signal(1);
            Assert.True(calls.TryTake(out _, Bounded.Wait));
        }

        registration.Dispose();
        notification.Signal(2);

        Assert.Equal(2, notification.Wait(new CancellationTokenSource(Bounded.Wait).Token));
        Assert.Empty(calls);
    }

    [Fact]
    public void A_signal_pending_before_registration_is_delivered_to_the_callback()
    {
        var notification = new Notification("consumer", "ready", eventLoop: _loop);
        notification.Signal(8);
        var calls = new BlockingCollection<int>();

        using var registration = notification.RegisterCallback(calls.Add);

        Assert.True(calls.TryTake(out var bits, Bounded.Wait));
        Assert.Equal(8, bits);
    }

    [Fact]
    public void A_second_callback_or_a_notification_without_an_event_thread_is_refused()
    {
        var notification = new Notification("consumer", "ready", eventLoop: _loop);
        using var registration = notification.RegisterCallback(_ => { });

        Assert.Throws<InvalidOperationException>(() => notification.RegisterCallback(_ => { }));
        Assert.Throws<InvalidOperationException>(() => new Notification("consumer", "plain").RegisterCallback(_ => { }));
    }

    [Fact]
    public void A_failing_callback_is_reported_and_the_event_thread_carries_on()
    {
        var failing = new Notification("consumer", "failing", eventLoop: _loop);
        var healthy = new Notification("consumer", "healthy", eventLoop: _loop);
        var calls = new BlockingCollection<int>();
        using var first = failing.RegisterCallback(_ => throw new InvalidOperationException("boom"));
        using var second = healthy.RegisterCallback(calls.Add);

        failing.Signal();
        healthy.Signal();

        Assert.True(calls.TryTake(out _, Bounded.Wait));
        var fault = Assert.Single(_faults);
        Assert.Contains("failing", fault.Message);
        Assert.IsType<InvalidOperationException>(fault.InnerException);
    }

    public void Dispose()
    {
        _stop.Cancel();
        Assert.True(_eventThread.Join(Bounded.Wait), "the event thread did not stop");
        _stop.Dispose();
    }
}
