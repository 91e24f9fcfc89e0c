using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Tests.Support;

namespace UxRt.Camkes.Runtime.Tests.Rpc;

/// <summary>The runtime's promise: no allocation per RPC call in steady state (measured on the calling thread; the figures per call live in bench/).</summary>
[Collection(ProcessWideListeners.Name)]
public sealed class AllocationTests
{
    [Theory]
    [InlineData(EndpointKind.Threaded)]
    [InlineData(EndpointKind.Passive)]
    [InlineData(EndpointKind.Direct)]
    public void Calls_with_primitive_arguments_allocate_nothing_in_steady_state(EndpointKind kind)
    {
        using var served = ServedEndpoint.Start(kind, new CalculatorDispatcher(new Calculator()));
        var client = new CalculatorClient(served.Endpoint, badge: 3);
        int left = 1, right = 2;
        for (var i = 0; i < 100; i++)
        {
            client.Add(i, i);
            client.Swap(ref left, ref right);
            client.Split(i, out _, out _);
        }

        const int Rounds = 1_000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Rounds; i++)
        {
            client.Add(i, i);
            client.Swap(ref left, ref right);
            client.Split(i, out _, out _);
        }

        // Less than a byte per call: nothing per call, while leaving room for one-off lazy
        // initialisation inside .NET (a wait event creates its lock object the first time it blocks).
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < Rounds, $"{allocated} bytes allocated over {Rounds * 3} calls");
    }
}
