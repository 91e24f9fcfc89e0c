namespace UxRt.Camkes.Runtime.Tests.Support;

/// <summary>Bounds for waits in tests: generous enough for a loaded 2-core machine, and a failure rather than a hang when exceeded.</summary>
internal static class Bounded
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    /// <summary>Runs <paramref name="bodies"/> on threads of their own and fails the test if any has not finished within <see cref="Wait"/>.</summary>
    public static void RunThreads(params Action[] bodies) => RunThreads(Wait, bodies);

    /// <summary>Like <see cref="RunThreads(Action[])"/>, with a bound of its own for long runs such as load tests.</summary>
    public static void RunThreads(TimeSpan bound, params Action[] bodies)
    {
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var threads = bodies.Select(body => new Thread(() =>
        {
            try
            {
                body();
            }
            catch (Exception exception)
            {
                failures.Enqueue(exception);
            }
        })
        { IsBackground = true }).ToList();

        threads.ForEach(t => t.Start());
        foreach (var thread in threads)
        {
            Assert.True(thread.Join(bound), "a test thread did not finish in time");
        }

        if (!failures.IsEmpty)
        {
            throw new AggregateException(failures);
        }
    }
}
