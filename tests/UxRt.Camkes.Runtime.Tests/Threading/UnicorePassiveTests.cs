using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Tests.Support;

namespace UxRt.Camkes.Runtime.Tests.Threading;

/// <summary>
/// Passive means one call at a time on a unicore server as on a native one, even where a handler
/// awaits; seL4DirectCall keeps interleaving there, as its native calls run side by side.
/// </summary>
public sealed class UnicorePassiveTests
{
    private const int Callers = 4;

    [Fact]
    public void A_passive_interface_of_a_unicore_server_serves_one_call_at_a_time_across_its_awaits()
    {
        var calculator = new OverlapProbe(waitForOverlap: TimeSpan.FromMilliseconds(20));
        var sums = RunCallers(EndpointKind.Passive, calculator);

        Assert.Equal(Enumerable.Range(0, Callers).Select(i => i + i), sums.Order());
        Assert.Equal(1, calculator.MostInside);
        Assert.Equal(0, calculator.Overlaps);
    }

    [Fact]
    public void A_direct_interface_of_a_unicore_server_interleaves_calls_where_they_await()
    {
        // Each handler waits (boundedly) until another call is inside too, which only interleaving allows.
        var calculator = new OverlapProbe(waitForOverlap: Bounded.Wait);
        var sums = RunCallers(EndpointKind.Direct, calculator);

        Assert.Equal(Enumerable.Range(0, Callers).Select(i => i + i), sums.Order());
        Assert.True(calculator.MostInside > 1, "direct calls did not interleave");
    }

    private static List<int> RunCallers(EndpointKind kind, OverlapProbe calculator)
    {
        using var kernel = new SystemKernel("passive on unicore");
        kernel.AddInstance("server", new ScriptedComponent(), new InstanceOptions { Threading = new UnicoreThreadingModel("server") });
        var endpoint = kernel.Serve(kind, "server", "calc", new CalculatorAsyncDispatcher(calculator));
        kernel.Start();
        var sums = new int[Callers];
        Bounded.RunThreads(Enumerable.Range(0, Callers).Select(i => (Action)(() => sums[i] = new CalculatorClient(endpoint, badge: i + 1).Add(i, i))).ToArray());
        Assert.Empty(kernel.Stop());
        return sums.ToList();
    }

    /// <summary>Counts the calls inside <c>add</c> at once; each waits a while for company across awaits, until any two calls have met.</summary>
    private sealed class OverlapProbe(TimeSpan waitForOverlap) : StubAsyncCalculator
    {
        private int _inside;

        public int MostInside { get; private set; }

        public int Overlaps { get; private set; }

        // Runs on the server's CPU only, so plain fields need no locking.
        public override async ValueTask<int> AddAsync(int a, int b)
        {
            _inside++;
            MostInside = Math.Max(MostInside, _inside);
            var waiting = System.Diagnostics.Stopwatch.StartNew();
            while (MostInside == 1 && waiting.Elapsed < waitForOverlap)
            {
                await Task.Yield();
                await Task.Delay(1);
            }

            if (_inside > 1)
            {
                Overlaps++;
            }

            _inside--;
            return a + b;
        }
    }
}
