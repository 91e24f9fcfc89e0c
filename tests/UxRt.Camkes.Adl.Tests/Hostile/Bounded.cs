namespace UxRt.Camkes.Adl.Tests.Hostile;

/// <summary>
/// Runs a piece of front-end work on a thread of its own, with the stack a build thread has, and
/// fails (instead of hanging the test run) when it takes longer than a generous time. The bounds are
/// loose on purpose: tests share a noisy 2-core machine, and what they catch is seconds turning
/// into minutes, or megabytes into gigabytes.
/// </summary>
internal static class Bounded
{
    public static readonly TimeSpan Time = TimeSpan.FromSeconds(30);

    public const long Bytes = 1L << 30;

    // .NET's default for secondary threads on Linux; the compiler runs generators on such threads.
    private const int StackBytes = 1536 * 1024;

    /// <summary>The work's result and how many bytes it allocated; throws when it does not end within <paramref name="time"/>.</summary>
    public static (T Result, long AllocatedBytes) Run<T>(Func<T> work, TimeSpan? time = null)
    {
        var (result, allocated, _) = Measure(work, time);
        return (result, allocated);
    }

    /// <summary>
    /// As <see cref="Run"/>, and also the largest managed heap seen while the work ran (sampled every
    /// 50 ms): what memory the work held at once, where the allocated bytes count all its garbage too.
    /// </summary>
    public static (T Result, long AllocatedBytes, long PeakHeapBytes) Measure<T>(Func<T> work, TimeSpan? time = null)
    {
        T result = default!;
        long allocated = 0;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                try
                {
                    result = work();
                }
                catch (Exception exception)
                {
                    failure = exception;
                }

                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            },
            StackBytes) { IsBackground = true, Name = "bounded front-end work" };
        var limit = time ?? Time;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var peak = GC.GetTotalMemory(forceFullCollection: false);
        thread.Start();
        while (!thread.Join(TimeSpan.FromMilliseconds(50)))
        {
            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"the front end did not finish within {limit.TotalSeconds} s");
            }
        }

        if (failure is not null)
        {
            throw new InvalidOperationException("the front end threw", failure);
        }

        return (result, allocated, peak);
    }

    /// <summary>Compiles within the bounds and returns the result; asserts that it allocated less than <see cref="Bytes"/>.</summary>
    public static FrontEndResult Compile(Func<FrontEndResult> compile)
    {
        var (result, allocated) = Run(compile);
        Assert.True(allocated < Bytes, $"the front end allocated {allocated / (1024 * 1024)} MB");
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "ADL0999");
        Assert.All(result.Diagnostics, d => Assert.True(d.Location.Line >= 1 && d.Location.Column >= 1, d.ToString()));
        return result;
    }
}
