using BenchmarkDotNet.Attributes;
using UxRt.Camkes.Runtime.Notifications;

namespace UxRt.Camkes.Benchmarks.Runtime;

/// <summary>
/// A wake-up through a set of N notifications: the cost should not grow with N. The baseline in
/// the same run is a signal and wait on a single notification, without a set.
/// </summary>
[MemoryDiagnoser]
public class NotificationSetBenchmarks
{
    private Notification[] _members = null!;
    private NotificationSet _set = null!;
    private Notification _single = null!;
    private int _next;

    [Params(1, 100, 10_000)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _members = Enumerable.Range(0, Size).Select(i => new Notification("bench", $"n{i}")).ToArray();
        _set = new NotificationSet();
        Array.ForEach(_members, _set.Add);
        _single = new Notification("bench", "single");
    }

    [Benchmark(Baseline = true, Description = "signal + wait on one notification (baseline)")]
    public int SignalAndWaitSingle()
    {
        _single.Signal();
        return _single.Wait();
    }

    [Benchmark(Description = "signal one member + wait on the set")]
    public int SignalAndWait()
    {
        _next = (_next + 7919) % _members.Length;
        _members[_next].Signal();
        return _set.Wait().Bits;
    }
}
