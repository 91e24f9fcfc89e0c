namespace UxRt.Camkes.Remote.Tests.Support;

/// <summary>Bounds for waits in tests: generous enough for a loaded 2-core machine, and a failure rather than a hang when exceeded.</summary>
internal static class Bounded
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    /// <summary>Runs <paramref name="body"/> on a thread of its own (a native caller blocks) and fails if it has not finished within <see cref="Wait"/>.</summary>
    public static async Task<T> OnThread<T>(Func<T> body)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                result.SetResult(body());
            }
            catch (Exception exception)
            {
                result.SetException(exception);
            }
        })
        { IsBackground = true };
        thread.Start();
        return await result.Task.WaitAsync(Wait);
    }
}
