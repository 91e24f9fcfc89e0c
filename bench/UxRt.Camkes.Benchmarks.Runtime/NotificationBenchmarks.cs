using BenchmarkDotNet.Attributes;
using UxRt.Camkes.Runtime.Notifications;

namespace UxRt.Camkes.Benchmarks.Runtime;

/// <summary>Signal and wait on a notification against the same with a <see cref="ManualResetEventSlim"/>.</summary>
[MemoryDiagnoser]
public class NotificationBenchmarks
{
    private const int RoundTrips = 1_000;

    private readonly ManualResetEventSlim _event = new();
    private readonly Notification _notification = new("bench", "n");

    private ManualResetEventSlim _eventPing = null!;
    private ManualResetEventSlim _eventPong = null!;
    private Notification _ping = null!;
    private Notification _pong = null!;
    private Thread _eventEcho = null!;
    private Thread _notificationEcho = null!;
    private volatile bool _stopping;

    [GlobalSetup]
    public void Setup()
    {
        _eventPing = new ManualResetEventSlim();
        _eventPong = new ManualResetEventSlim();
        _ping = new Notification("echo", "ping");
        _pong = new Notification("bench", "pong");
        _eventEcho = new Thread(() =>
        {
            while (true)
            {
                _eventPing.Wait();
                _eventPing.Reset();
                if (_stopping)
                {
                    return;
                }

                _eventPong.Set();
            }
        }) { IsBackground = true };
        _notificationEcho = new Thread(() =>
        {
            while (true)
            {
                _ping.Wait();
                if (_stopping)
                {
                    return;
                }

                _pong.Signal();
            }
        }) { IsBackground = true };
        _eventEcho.Start();
        _notificationEcho.Start();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stopping = true;
        _eventPing.Set();
        _ping.Signal();
        _eventEcho.Join();
        _notificationEcho.Join();
    }

    [Benchmark(Baseline = true, Description = "ManualResetEventSlim set+wait (same thread)")]
    public bool EventSetWait()
    {
        _event.Set();
        var signalled = _event.Wait(0);
        _event.Reset();
        return signalled;
    }

    [Benchmark(Description = "Notification signal+wait (same thread)")]
    public int NotificationSignalWait()
    {
        _notification.Signal();
        return _notification.Wait();
    }

    [Benchmark(OperationsPerInvoke = RoundTrips, Description = "ManualResetEventSlim ping-pong (per round trip)")]
    public void EventPingPong()
    {
        for (var i = 0; i < RoundTrips; i++)
        {
            _eventPing.Set();
            _eventPong.Wait();
            _eventPong.Reset();
        }
    }

    [Benchmark(OperationsPerInvoke = RoundTrips, Description = "Notification ping-pong (per round trip)")]
    public void NotificationPingPong()
    {
        for (var i = 0; i < RoundTrips; i++)
        {
            _ping.Signal();
            _pong.Wait();
        }
    }
}
