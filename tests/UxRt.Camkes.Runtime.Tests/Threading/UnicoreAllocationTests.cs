using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Tests.Support;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Tests.Threading;

/// <summary>
/// The runtime's promise for calls into a unicore server: nothing allocated per call in steady
/// state, neither on the calling thread nor on the server's CPU (whose handler's sender id rides
/// on its lightweight thread's owner, and whose passive and direct calls reuse their owners).
/// Measured per thread; the figures per call live in bench/.
/// </summary>
[Collection(ProcessWideListeners.Name)]
public sealed class UnicoreAllocationTests
{
    [Theory]
    [InlineData(EndpointKind.Threaded)]
    [InlineData(EndpointKind.Passive)]
    [InlineData(EndpointKind.Direct)]
    public void Calls_from_a_native_thread_into_a_unicore_server_allocate_nothing_on_either_thread(EndpointKind kind)
    {
        using var kernel = new SystemKernel("unicore allocations");
        kernel.AddInstance("server", new ScriptedComponent(), new InstanceOptions { Threading = new UnicoreThreadingModel("server") });
        // A handler that never awaits, as most are: a state machine of its own would allocate in a Debug build.
        var server = new AllocationNotingCalculator();
        var endpoint = kernel.Serve(kind, "server", "calc", new CalculatorDispatcher(server));
        kernel.Start();
        var client = new CalculatorClient(endpoint, badge: 5);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(i + 5, client.Add(i, 5));
        }

        const int Rounds = 1_000;
        var cpuBefore = server.AllocatedOnCpu;
        var callerBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Rounds; i++)
        {
            client.Add(i, 5);
        }

        var callerAllocated = GC.GetAllocatedBytesForCurrentThread() - callerBefore;
        var cpuAllocated = server.AllocatedOnCpu - cpuBefore;

        // Less than a byte per call on each side: nothing per call, with room for one-off lazy initialisation inside .NET.
        Assert.True(callerAllocated < Rounds, $"{callerAllocated} bytes allocated by the caller over {Rounds} calls");
        Assert.True(cpuAllocated < Rounds, $"{cpuAllocated} bytes allocated on the server's CPU over {Rounds} calls");
        Assert.All(server.Senders, badge => Assert.Equal(5, badge));
    }

    /// <summary>Notes, on the CPU running the handler, that thread's allocation count and the sender id.</summary>
    private sealed class AllocationNotingCalculator : StubCalculator
    {
        private long _allocated;

        public long AllocatedOnCpu => Volatile.Read(ref _allocated);

        public HashSet<int> Senders { get; } = [];

        public override int Add(int a, int b)
        {
            Senders.Add(CallContext.SenderBadge);
            Volatile.Write(ref _allocated, GC.GetAllocatedBytesForCurrentThread());
            return a + b;
        }
    }
}
