using BenchmarkDotNet.Attributes;
using UxRt.Camkes.Runtime.Notifications;

namespace UxRt.Camkes.Benchmarks.Runtime;

/// <summary>
/// A wake-up through a <see cref="NotificationSet"/> of 1, 100 and 10,000 members: signal one
/// member, then wait on the set and learn which one fired. The set of one is the baseline, so the
/// ratio is what a wake-up costs more because the set is large. Each wake-up signals the next
/// member in turn, so the large sets also pay for touching members that are not in cache.
/// </summary>
public class NotificationSetBenchmarks
{
    private const int Count = 1_000;

    private Members _one = null!;
    private Members _hundred = null!;
    private Members _tenThousand = null!;

    [GlobalSetup]
    public void Setup()
    {
        _one = new Members(1);
        _hundred = new Members(100);
        _tenThousand = new Members(10_000);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count, Description = "set of 1 (baseline)")]
    public int One() => _one.WakeUps();

    [Benchmark(OperationsPerInvoke = Count, Description = "set of 100")]
    public int Hundred() => _hundred.WakeUps();

    [Benchmark(OperationsPerInvoke = Count, Description = "set of 10,000")]
    public int TenThousand() => _tenThousand.WakeUps();

    private sealed class Members
    {
        private readonly Notification[] _members;
        private readonly NotificationSet _set = new();
        private int _next;

        public Members(int count)
        {
            _members = Enumerable.Range(0, count).Select(i => new Notification("bench", $"n{i}")).ToArray();
            Array.ForEach(_members, _set.Add);
        }

        public int WakeUps()
        {
            var sum = 0;
            for (var i = 0; i < Count; i++)
            {
                var next = _next + 1 == _members.Length ? 0 : _next + 1;
                _next = next;
                _members[next].Signal();
                sum += _set.Wait().Bits;
            }

            return sum;
        }
    }
}
