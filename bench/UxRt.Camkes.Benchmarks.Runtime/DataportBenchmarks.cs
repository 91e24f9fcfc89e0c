using BenchmarkDotNet.Attributes;
using UxRt.Camkes.Runtime.Dataports;

namespace UxRt.Camkes.Benchmarks.Runtime;

/// <summary>
/// Copying a payload into a dataport of Bench.camkes (<c>small</c>, 4 KiB, and <c>large</c>, 1 MiB)
/// through its generated end and releasing it to the other end, against
/// <see cref="Buffer.MemoryCopy(void*, void*, long, long)"/> between two pinned arrays of the same size.
/// </summary>
public unsafe class DataportBenchmarks
{
    private BenchInstances _system = null!;
    private Dataport _dataport = null!;
    private byte[] _source = null!;
    private byte[] _destination = null!;

    [Params(4096, 1048576)]
    public int Bytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _system = new BenchInstances();
        var pinger = _system.Get<Pinger>("pinger");
        _dataport = Bytes == 4096 ? pinger.SmallEnd : pinger.LargeEnd;
        _source = GC.AllocateArray<byte>(Bytes, pinned: true);
        _destination = GC.AllocateArray<byte>(Bytes, pinned: true);
        Random.Shared.NextBytes(_source);
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Dispose();

    [Benchmark(Baseline = true, Description = "Buffer.MemoryCopy (baseline)")]
    public byte MemoryCopy()
    {
        fixed (byte* source = _source)
        fixed (byte* destination = _destination)
        {
            Buffer.MemoryCopy(source, destination, _destination.Length, _source.Length);
        }

        return _destination[^1];
    }

    [Benchmark(Description = "copy into the dataport + release")]
    public byte DataportCopy()
    {
        var shared = _dataport.WritableBytes;
        _source.AsSpan().CopyTo(shared);
        _dataport.Release();
        return shared[_source.Length - 1];
    }
}
