using BenchmarkDotNet.Attributes;

namespace UxRt.Camkes.Benchmarks.Runtime;

/// <summary>
/// A long transport write of 1 MiB (one copy into the connection's shared buffer, then one
/// message to the server's thread and its reply), against copying the same 1 MiB with
/// Buffer.MemoryCopy, in the same run; and the in-place write, which copies nothing.
/// </summary>
[MemoryDiagnoser]
public unsafe class TransportLongBenchmarks
{
    private const int Size = 1 << 20;

    private readonly byte[] _source = GC.AllocateArray<byte>(Size, pinned: true);
    private readonly byte[] _destination = GC.AllocateArray<byte>(Size, pinned: true);
    private TransportRig _rig = null!;

    [GlobalSetup]
    public void Setup()
    {
        new Random(1).NextBytes(_source);
        _rig = new TransportRig(new DiscardingFile(), bufferSize: Size);
    }

    [GlobalCleanup]
    public void Cleanup() => _rig.Dispose();

    [Benchmark(Baseline = true, Description = "Buffer.MemoryCopy 1 MiB (baseline)")]
    public void MemoryCopy()
    {
        fixed (byte* from = _source, to = _destination)
        {
            Buffer.MemoryCopy(from, to, Size, Size);
        }
    }

    [Benchmark(Description = "long write 1 MiB (one copy + round trip)")]
    public long LongWrite() => _rig.Client.WriteLong(0, _source);

    [Benchmark(Description = "long write 1 MiB in place (no copy)")]
    public long LongWriteInPlace() => _rig.Client.WriteBuffer(0, Size);
}
