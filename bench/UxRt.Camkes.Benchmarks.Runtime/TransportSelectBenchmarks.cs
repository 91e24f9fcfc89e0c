using BenchmarkDotNet.Attributes;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Notifications;
using UxRt.Camkes.Runtime.Transport;

namespace UxRt.Camkes.Benchmarks.Runtime;

/// <summary>
/// One wake-up of a poll set: a source is signalled and the waiter learns which. The set of 10,000
/// holds 5,000 transport endpoints and 5,000 notifications; the baseline in the same run is a set
/// of one endpoint. The set's work should not grow with its size; a different source each time
/// adds the cache misses of touching a cold endpoint and notification.
/// </summary>
[MemoryDiagnoser]
public class TransportSelectBenchmarks
{
    private const int Many = 10_000;

    private readonly SystemKernel _kernel = new("bench");
    private PollSet _one = null!;
    private TransportEndpoint _oneSource = null!;
    private PollSet _many = null!;
    private TransportEndpoint[] _endpoints = null!;
    private Notification[] _notifications = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _oneSource = Endpoint(0, out var single);
        _one = new PollSet();
        _one.Add(single);

        _many = new PollSet();
        _endpoints = new TransportEndpoint[Many / 2];
        _notifications = new Notification[Many / 2];
        for (var i = 0; i < Many / 2; i++)
        {
            _endpoints[i] = Endpoint(i + 1, out var client);
            _many.Add(client);
            _notifications[i] = new Notification("bench", "n" + i);
            _many.Add(_notifications[i]);
        }
    }

    [Benchmark(Baseline = true, Description = "select over 1 endpoint (baseline)")]
    public int SelectOne()
    {
        _oneSource.SignalReady();
        return _one.Wait().Events;
    }

    // The set's own work: the same cost as the baseline when the woken source is in cache.
    [Benchmark(Description = "select over 10,000, the same endpoint each time")]
    public int SelectManySameSource()
    {
        _endpoints[1234].SignalReady();
        return _many.Wait().Events;
    }

    // What a real wake-up pays besides: the woken endpoint and notification are cold (cache misses).
    [Benchmark(Description = "select over 10,000 endpoints and notifications")]
    public int SelectMany()
    {
        // A different source each time, endpoints and notifications in turn.
        _next = (_next + 7919) % Many;
        if ((_next & 1) == 0)
        {
            _endpoints[_next >> 1].SignalReady();
        }
        else
        {
            _notifications[_next >> 1].Signal();
        }

        return _many.Wait().Events;
    }

    // Passive endpoints need no thread each; select only needs their readiness.
    private TransportEndpoint Endpoint(int index, out TransportClient client)
    {
        var endpoint = TransportWiring.Serve(_kernel, "server", "f" + index, "/srv/select/" + index, new DiscardingFile(), passive: true);
        client = TransportWiring.Connect(_kernel, endpoint, "client", "f" + index, bufferSize: 16);
        return endpoint;
    }
}
