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
        thread.Start();
        if (!thread.Join(time ?? Time))
        {
            throw new TimeoutException($"the front end did not finish within {(time ?? Time).TotalSeconds} s");
        }

        if (failure is not null)
        {
            throw new InvalidOperationException("the front end threw", failure);
        }

        return (result, allocated);
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
