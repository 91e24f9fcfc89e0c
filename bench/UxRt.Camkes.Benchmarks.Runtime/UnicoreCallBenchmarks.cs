using BenchmarkDotNet.Attributes;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Benchmarks.Runtime;

/// <summary>
/// Calls into and out of a unicore component against the same seL4RPCCall between native
/// components, in one run. Each benchmark makes <see cref="Calls"/> calls, so the figures are per
/// call; a call out of a unicore component is made by a lightweight thread on the client's CPU,
/// which the benchmark thread starts and waits for.
/// </summary>
[BenchmarkDotNet.Attributes.InvocationCount(32)]
public class UnicoreCallBenchmarks
{
    private const int Calls = 1_000;

    private readonly List<Action> _cleanup = new();
    private AdderRpcClient _intoNative = null!;
    private AdderRpcClient _intoUnicore = null!;
    private AdderRpcClient _intoUnicorePassive = null!;
    private AdderAsyncClient _unicoreToNative = null!;
    private AdderAsyncClient _unicoreToUnicore = null!;
    private VirtualCpu _clientCpu = null!;

    [GlobalSetup]
    public void Setup()
    {
        var dispatcher = new AdderRpcServer(new PlainAdder());
        var native = new ThreadedEndpoint("native", "adder", dispatcher);
        var nativeThread = new Thread(native.Serve) { IsBackground = true };
        nativeThread.Start();
        _cleanup.Add(() =>
        {
            native.Close();
            nativeThread.Join();
        });

        var serverCpu = new VirtualCpu("unicore");
        var unicore = new CpuEndpoint("unicore", "adder", new SynchronousDispatcher(dispatcher), serverCpu, hasInterfaceThread: true);
        var interfaceThread = serverCpu.Spawn(unicore.ServeAsync);
        var unicorePassive = new CpuEndpoint("unicore", "passive", new SynchronousDispatcher(dispatcher), serverCpu, hasInterfaceThread: false);
        _cleanup.Add(() =>
        {
            unicore.Close();
            interfaceThread.Wait();
            serverCpu.Stop(TimeSpan.FromSeconds(10));
        });

        _clientCpu = new VirtualCpu("client");
        _cleanup.Add(() => _clientCpu.Stop(TimeSpan.FromSeconds(10)));

        _intoNative = new AdderRpcClient(native, badge: 1);
        _intoUnicore = new AdderRpcClient(unicore, badge: 1);
        _intoUnicorePassive = new AdderRpcClient(unicorePassive, badge: 1);
        _unicoreToNative = new AdderAsyncClient(native, badge: 1);
        _unicoreToUnicore = new AdderAsyncClient(unicore, badge: 1);
    }

    [GlobalCleanup]
    public void Cleanup() => _cleanup.ForEach(step => step());

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls, Description = "native → native seL4RPCCall (baseline)")]
    public int NativeToNative() => CallFromNative(_intoNative);

    [Benchmark(OperationsPerInvoke = Calls, Description = "native → unicore seL4RPCCall")]
    public int NativeToUnicore() => CallFromNative(_intoUnicore);

    [Benchmark(OperationsPerInvoke = Calls, Description = "native → unicore passive")]
    public int NativeToUnicorePassive() => CallFromNative(_intoUnicorePassive);

    [Benchmark(OperationsPerInvoke = Calls, Description = "unicore → native seL4RPCCall")]
    public int UnicoreToNative() => CallFromCpu(_unicoreToNative);

    [Benchmark(OperationsPerInvoke = Calls, Description = "unicore → unicore seL4RPCCall")]
    public int UnicoreToUnicore() => CallFromCpu(_unicoreToUnicore);

    private static int CallFromNative(AdderRpcClient client)
    {
        var sum = 0;
        for (var i = 0; i < Calls; i++)
        {
            sum += client.Add(i, 1);
        }

        return sum;
    }

    private int CallFromCpu(AdderAsyncClient client) =>
        _clientCpu.Spawn(async () =>
        {
            for (var i = 0; i < Calls; i++)
            {
                await client.AddAsync(i, 1);
            }
        }).ContinueWith(static _ => Calls, TaskScheduler.Default).GetAwaiter().GetResult();
}

/// <summary>The awaitable client end a unicore component calls through, written as the generator writes it for Bench.camkes's procedure.</summary>
public sealed class AdderAsyncClient(Endpoint endpoint, int badge)
{
    private readonly FrameCache<AdderCallFrame> _frames = new(static () => new AdderCallFrame());

    public ValueTask<int> AddAsync(int a, int b)
    {
        var call = _frames.Rent();
        call.Method = 0;
        call.Badge = badge;
        call.AddA = a;
        call.AddB = b;
        return endpoint.CallAsync(call, _frames, static call => call.AddResult);
    }
}
