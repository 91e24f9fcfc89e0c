using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using UxRt.Camkes.Runtime.Rpc;

namespace UxRt.Camkes.Benchmarks.Runtime;

/// <summary>What a procedure call costs on each kind of endpoint, against calling the implementation through its interface.</summary>
[MemoryDiagnoser]
public class RpcBenchmarks
{
    private IAdder _plain = null!;
    private IAdder _direct = null!;
    private IAdder _passive = null!;
    private IAdder _threaded = null!;
    private ThreadedEndpoint _threadedEndpoint = null!;
    private Thread _interfaceThread = null!;

    [GlobalSetup]
    public void Setup()
    {
        _plain = new Adder();
        var dispatcher = new AdderDispatcher(new Adder());
        _direct = new AdderClient(new DirectEndpoint("server", "adder", dispatcher), badge: 1);
        _passive = new AdderClient(new PassiveEndpoint("server", "adder", dispatcher), badge: 1);
        _threadedEndpoint = new ThreadedEndpoint("server", "adder", dispatcher);
        _interfaceThread = new Thread(_threadedEndpoint.Serve) { IsBackground = true };
        _interfaceThread.Start();
        _threaded = new AdderClient(_threadedEndpoint, badge: 1);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _threadedEndpoint.Close();
        _interfaceThread.Join();
    }

    [Benchmark(Baseline = true, Description = "interface call (baseline)")]
    public int InterfaceCall() => Call(_plain);

    [Benchmark(Description = "seL4DirectCall")]
    public int DirectCall() => Call(_direct);

    [Benchmark(Description = "passive seL4RPCCall")]
    public int PassiveCall() => Call(_passive);

    [Benchmark(Description = "seL4RPCCall (interface thread)")]
    public int ThreadedCall() => Call(_threaded);

    // Not inlined, so the baseline pays for a real interface dispatch like the others.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Call(IAdder adder) => adder.Add(20, 22);
}
