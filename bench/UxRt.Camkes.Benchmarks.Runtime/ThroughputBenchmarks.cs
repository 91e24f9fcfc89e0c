using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace UxRt.Camkes.Benchmarks.Runtime;

/// <summary>
/// seL4RPCCall throughput through the generated glue: 1, 2, 4 and 8 client threads calling one
/// server (connection <c>fanIn</c>), and 1, 2, 4 and 8 clients each calling a server of its own
/// (connections <c>pair1</c>…<c>pair8</c>). Every invocation makes <see cref="Calls"/> calls in all,
/// shared out among the clients, so the figure is time per call and the ratio to one client is the
/// inverse of the throughput gained.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[InvocationCount(8)]
public class ThroughputBenchmarks
{
    private const int Calls = 8_000;
    private const int MaxClients = 8;
    private const string FanIn = "N clients → 1 server";
    private const string Pairs = "N clients → N servers";

    private readonly ClientThread[] _fanIn = new ClientThread[MaxClients];
    private readonly ClientThread[] _pairs = new ClientThread[MaxClients];
    private BenchInstances _system = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = new BenchInstances();
        for (var i = 0; i < MaxClients; i++)
        {
            _fanIn[i] = new ClientThread(_system.Get<Worker>($"fan{i + 1}").AdderEnd);
            _pairs[i] = new ClientThread(_system.Get<Worker>($"pair{i + 1}").AdderEnd);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var client in _fanIn.Concat(_pairs))
        {
            client.Stop();
        }

        _system.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls, Description = "1 client")]
    [BenchmarkCategory(FanIn)]
    public int FanIn1() => Run(_fanIn, 1);

    [Benchmark(OperationsPerInvoke = Calls, Description = "2 clients")]
    [BenchmarkCategory(FanIn)]
    public int FanIn2() => Run(_fanIn, 2);

    [Benchmark(OperationsPerInvoke = Calls, Description = "4 clients")]
    [BenchmarkCategory(FanIn)]
    public int FanIn4() => Run(_fanIn, 4);

    [Benchmark(OperationsPerInvoke = Calls, Description = "8 clients")]
    [BenchmarkCategory(FanIn)]
    public int FanIn8() => Run(_fanIn, 8);

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls, Description = "1 pair")]
    [BenchmarkCategory(Pairs)]
    public int Pairs1() => Run(_pairs, 1);

    [Benchmark(OperationsPerInvoke = Calls, Description = "2 pairs")]
    [BenchmarkCategory(Pairs)]
    public int Pairs2() => Run(_pairs, 2);

    [Benchmark(OperationsPerInvoke = Calls, Description = "4 pairs")]
    [BenchmarkCategory(Pairs)]
    public int Pairs4() => Run(_pairs, 4);

    [Benchmark(OperationsPerInvoke = Calls, Description = "8 pairs")]
    [BenchmarkCategory(Pairs)]
    public int Pairs8() => Run(_pairs, 8);

    private static int Run(ClientThread[] clients, int count)
    {
        using var done = new CountdownEvent(count);
        for (var i = 0; i < count; i++)
        {
            clients[i].Start(Calls / count, done);
        }

        done.Wait();
        var sum = 0;
        for (var i = 0; i < count; i++)
        {
            sum += clients[i].Sum;
        }

        return sum;
    }

    /// <summary>A client's thread: makes a batch of calls each time it is started.</summary>
    private sealed class ClientThread
    {
        private readonly IAdder _adder;
        private readonly SemaphoreSlim _go = new(0);
        private readonly Thread _thread;
        private int _calls;
        private CountdownEvent? _done;
        private volatile bool _stopping;

        public ClientThread(IAdder adder)
        {
            _adder = adder;
            _thread = new Thread(Loop) { IsBackground = true, Name = "client" };
            _thread.Start();
        }

        public int Sum { get; private set; }

        public void Start(int calls, CountdownEvent done)
        {
            _calls = calls;
            _done = done;
            _go.Release();
        }

        public void Stop()
        {
            _stopping = true;
            _go.Release();
            _thread.Join();
        }

        private void Loop()
        {
            while (true)
            {
                _go.Wait();
                if (_stopping)
                {
                    return;
                }

                var sum = 0;
                for (var i = 0; i < _calls; i++)
                {
                    sum += _adder.Add(i, 1);
                }

                Sum = sum;
                _done!.Signal();
            }
        }
    }
}
