using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace UxRt.Camkes.Benchmarks.Runtime;

/// <summary>
/// What keeping the wait-for relation (issue 21: a call that would close a cycle of waits is
/// refused) costs the call fast path: one client's seL4RPCCall to a native server's interface
/// thread, native → native through the generated glue, with the caller's wait recorded against the
/// same call with call waits left out of the relation (the runtime's AppContext switch
/// <c>UxRt.Camkes.Runtime.UntrackedCallWaits</c>, read once per process; BenchmarkDotNet runs each
/// benchmark in a process of its own). Each invocation makes <see cref="Calls"/> calls, so figures
/// are per call.
/// </summary>
[InvocationCount(64)]
public class DeadlockDetectionBenchmarks
{
    private const int Calls = 1_000;
    private const string Switch = "UxRt.Camkes.Runtime.UntrackedCallWaits";

    private BenchInstances? _system;
    private IAdder _rpc = null!;

    [GlobalSetup(Target = nameof(Untracked))]
    public void SetupUntracked()
    {
        // Before the first call reads the switch.
        AppContext.SetSwitch(Switch, true);
        Setup(expectTracked: false);
    }

    [GlobalSetup(Target = nameof(Tracked))]
    public void SetupTracked() => Setup(expectTracked: true);

    [GlobalCleanup]
    public void Cleanup() => _system?.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls, Description = "seL4RPCCall, call waits untracked (baseline)")]
    public int Untracked() => CallBenchmarks.CallMany(_rpc);

    [Benchmark(OperationsPerInvoke = Calls, Description = "seL4RPCCall, wait-for relation kept")]
    public int Tracked() => CallBenchmarks.CallMany(_rpc);

    private void Setup(bool expectTracked)
    {
        _system = new BenchInstances();
        _rpc = _system.Get<Caller>("caller").RpcEnd;
        _rpc.Add(1, 1);

        // The switch is internal to the runtime: make sure the process measures what it says it does.
        var tracked = (bool)typeof(UxRt.Camkes.Runtime.Glue.Endpoint).Assembly
            .GetType("UxRt.Camkes.Runtime.Kernel.WaitForGraph", throwOnError: true)!
            .GetField("TracksCalls", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!
            .GetValue(null)!;
        if (tracked != expectTracked)
        {
            throw new InvalidOperationException($"call waits are {(tracked ? "tracked" : "untracked")}, expected the opposite");
        }
    }
}
