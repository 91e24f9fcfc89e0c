using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using UxRt.Camkes.Runtime.Notifications;

namespace UxRt.Camkes.Benchmarks.Runtime;

/// <summary>
/// Emit → wake through the generated seL4Notification glue of Bench.camkes against the same with
/// <see cref="SemaphoreSlim"/>, in the same run: a ping-pong between the benchmark thread and
/// another thread (the Ponger component's control thread, or a hand-written echo thread), per
/// round trip; and a signal and wait on one thread.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[InvocationCount(64)]
public class NotificationBenchmarks
{
    private const int RoundTrips = 1_000;
    private const string CrossThread = "emit → wake → emit back";
    private const string SameThread = "signal + wait, one thread";

    private readonly SemaphoreSlim _single = new(0);
    private readonly Notification _notification = new("bench", "n");
    private BenchInstances _system = null!;
    private EventEmitter _ping = null!;
    private Notification _pong = null!;
    private SemaphoreSlim _semaphorePing = null!;
    private SemaphoreSlim _semaphorePong = null!;
    private Thread? _echo;
    private volatile bool _stopping;

    [GlobalSetup]
    public void Setup()
    {
        _system = new BenchInstances();
        var pinger = _system.Get<Pinger>("pinger");
        _ping = pinger.PingEnd;
        _pong = pinger.PongEnd;
        _semaphorePing = new SemaphoreSlim(0);
        _semaphorePong = new SemaphoreSlim(0);
        _echo = new Thread(() =>
        {
            while (true)
            {
                _semaphorePing.Wait();
                if (_stopping)
                {
                    return;
                }

                _semaphorePong.Release();
            }
        }) { IsBackground = true, Name = "echo" };
        _echo.Start();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stopping = true;
        _semaphorePing.Release();
        _echo?.Join();
        _system.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = RoundTrips, Description = "SemaphoreSlim ping-pong (baseline)")]
    [BenchmarkCategory(CrossThread)]
    public int SemaphorePingPong()
    {
        for (var i = 0; i < RoundTrips; i++)
        {
            _semaphorePing.Release();
            _semaphorePong.Wait();
        }

        return RoundTrips;
    }

    [Benchmark(OperationsPerInvoke = RoundTrips, Description = "seL4Notification ping-pong")]
    [BenchmarkCategory(CrossThread)]
    public int NotificationPingPong()
    {
        var sum = 0;
        for (var i = 0; i < RoundTrips; i++)
        {
            _ping.Emit();
            sum += _pong.Wait();
        }

        return sum;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = RoundTrips, Description = "SemaphoreSlim release + wait (baseline)")]
    [BenchmarkCategory(SameThread)]
    public int SemaphoreReleaseWait()
    {
        var sum = 0;
        for (var i = 0; i < RoundTrips; i++)
        {
            _single.Release();
            sum += _single.Wait(0) ? 1 : 0;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = RoundTrips, Description = "Notification signal + wait")]
    [BenchmarkCategory(SameThread)]
    public int NotificationSignalWait()
    {
        var sum = 0;
        for (var i = 0; i < RoundTrips; i++)
        {
            _notification.Signal();
            sum += _notification.Wait();
        }

        return sum;
    }
}
