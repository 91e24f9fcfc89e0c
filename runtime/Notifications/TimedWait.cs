namespace UxRt.Camkes.Runtime.Notifications;

/// <summary>The timed form shared by the awaitable waits: wait until a timeout, then take what is there.</summary>
internal static class TimedWait
{
    /// <summary>
    /// What <paramref name="wait"/> returns, or, when <paramref name="timeout"/> passes first, what
    /// <paramref name="poll"/> finds then: a signal that raced the timeout is still taken. Cancelled
    /// by the caller's <paramref name="cancellation"/>, it throws.
    /// </summary>
    public static async ValueTask<T> UntilAsync<T>(TimeSpan timeout, Func<CancellationToken, ValueTask<T>> wait, Func<T> poll, CancellationToken cancellation)
    {
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        // Simulated: the timeout is on virtual time, like every other.
        using var virtualTimeout = Simulation.Controlled.Scheduler?.Time.CreateTimer(static cts => ((CancellationTokenSource)cts!).Cancel(), giveUp, timeout, Timeout.InfiniteTimeSpan);
        if (virtualTimeout is null)
        {
            giveUp.CancelAfter(timeout);
        }

        try
        {
            return await wait(giveUp.Token).ConfigureAwait(Simulation.Controlled.CaptureContext);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return poll();
        }
    }
}
