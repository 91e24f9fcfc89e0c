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
        Assert.True(callerAllocated < Rounds * 8, $"{callerAllocated} bytes allocated by the caller over {Rounds} calls");
        Assert.True(cpuAllocated < Rounds * 8, $"{cpuAllocated} bytes allocated on the server's CPU over {Rounds} calls");
        Assert.All(server.Senders, badge => Assert.Equal(5, badge));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Awaited_calls_out_of_a_unicore_component_allocate_nothing_on_its_cpu(bool unicoreServer)
    {
        using var kernel = new SystemKernel("unicore calls out");
        kernel.AddInstance("server", new ScriptedComponent(), new InstanceOptions { Threading = unicoreServer ? new UnicoreThreadingModel("server") : NativeThreadingModel.Instance });
        var endpoint = kernel.Serve(EndpointKind.Threaded, "server", "calc", new CalculatorDispatcher(new FailingOnNegative()));
        const int Rounds = 1_000;
        long allocated = -1;
        var results = new List<string>();
        kernel.AddInstance("client", new ScriptedComponent
        {
            OnRunAsync = async _ =>
            {
                var calculator = new CalculatorAsyncClient(endpoint, badge: 2);
                for (var i = 0; i < 100; i++)
                {
                    await calculator.AddAsync(i, 1);
                }

                var before = GC.GetAllocatedBytesForCurrentThread();
                var sum = 0;
                for (var i = 0; i < Rounds; i++)
                {
                    sum += await calculator.AddAsync(i, 1);
                }

                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                results.Add(sum.ToString(System.Globalization.CultureInfo.InvariantCulture));

                // A fault comes back through the same awaited reply, and the frame is back in the cache for the next call.
                var fault = await Assert.ThrowsAsync<Faults.ComponentFaultException>(() => calculator.AddAsync(-1, 1).AsTask());
                results.Add($"{fault.Instance}.{fault.Interface}.{fault.Method} {fault.InnerException?.Message}");
                results.Add((await calculator.AddAsync(2, 3)).ToString(System.Globalization.CultureInfo.InvariantCulture));
            },
        }, new InstanceOptions { HasControl = true, Threading = new UnicoreThreadingModel("client") });

        kernel.Start();

        Assert.True(kernel.WaitForControlThreads(Bounded.Wait));
        Assert.Equal([(Rounds * (Rounds - 1) / 2 + Rounds).ToString(System.Globalization.CultureInfo.InvariantCulture), "server.calc.add negative", "5"], results);
        // Steady state allocates nothing per call; what a loaded machine adds now and then (the CPU
        // parking and waking while a reply is on its way) stays under one smallest object (24 B) for
        // every third call, which no per-call allocation can.
        Assert.True(allocated >= 0 && allocated < Rounds * 8, $"{allocated} bytes allocated on the client's CPU over {Rounds} calls");
    }

    private sealed class FailingOnNegative : StubCalculator
    {
        public override int Add(int a, int b) => a < 0 ? throw new InvalidOperationException("negative") : a + b;
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
