using BenchmarkDotNet.Attributes;

namespace UxRt.Camkes.Benchmarks.Runtime;

/// <summary>
/// A short transport message (payload in the message registers) to a native server's interface
/// thread and back, against the generated seL4RPCCall round trip (its baseline) and a
/// SemaphoreSlim request/reply between two threads, in the same run.
/// </summary>
[MemoryDiagnoser]
public class TransportShortBenchmarks
{
    private readonly byte[] _small = new byte[64];
    private readonly byte[] _full = new byte[UxRt.Camkes.Runtime.Transport.ShortMessage.MaxBytes];
    private TransportRig _rig = null!;
    private BenchInstances _system = null!;
    private IAdder _rpc = null!;
    private SemaphoreSlim _request = null!;
    private SemaphoreSlim _reply = null!;
    private Thread _semaphoreServer = null!;
    private volatile bool _stopping;
    private int _payload;

    [GlobalSetup]
    public void Setup()
    {
        _rig = new TransportRig(new SmallFile(), bufferSize: 4096);
        // The generated client end of Bench.camkes's threaded seL4RPCCall connection.
        _system = new BenchInstances();
        _rpc = _system.Get<Caller>("caller").RpcEnd;
        _request = new SemaphoreSlim(0);
        _reply = new SemaphoreSlim(0);
        _semaphoreServer = new Thread(ServeSemaphores) { IsBackground = true };
        _semaphoreServer.Start();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _rig.Dispose();
        _system.Dispose();
        _stopping = true;
        _request.Release();
        _semaphoreServer.Join();
    }

    [Benchmark(Baseline = true, Description = "seL4RPCCall round trip (baseline)")]
    public int RpcCall() => _rpc.Add(20, 22);

    [Benchmark(Description = "SemaphoreSlim request/reply")]
    public int SemaphoreRequestReply()
    {
        _payload = 42;
        _request.Release();
        _reply.Wait();
        return _payload;
    }

    [Benchmark(Description = "short write, 64 B")]
    public long ShortWrite() => _rig.Client.WriteShort(0, _small);

    [Benchmark(Description = "short read, 64 B")]
    public long ShortRead() => _rig.Client.ReadShort(0, _small);

    [Benchmark(Description = "short write, 936 B (all registers)")]
    public long ShortWriteFull() => _rig.Client.WriteShort(0, _full);

    private void ServeSemaphores()
    {
        while (true)
        {
            _request.Wait();
            if (_stopping)
            {
                return;
            }

            _payload++;
            _reply.Release();
        }
    }
}
