namespace UxRt.Camkes.Runtime.Simulation;

/// <summary>
/// The awaitable waits of a semaphore under simulation. <see cref="SemaphoreSlim.WaitAsync(CancellationToken)"/>
/// completes its cancellable and timed waits on the thread pool, which a schedule does not control;
/// these waiters are completed by the controlled thread that releases, and time out on virtual time.
/// </summary>
internal sealed class SimulatedWaiters(SimulationScheduler scheduler)
{
    private readonly List<TaskCompletionSource<bool>> _waiters = new();

    /// <summary>Takes one unit of <paramref name="semaphore"/>; false once <paramref name="timeout"/> has passed in virtual time.</summary>
    public async Task<bool> WaitAsync(SemaphoreSlim semaphore, TimeSpan timeout, CancellationToken cancellation)
    {
        var timedOut = false;
        using var timer = timeout == Timeout.InfiniteTimeSpan ? null : scheduler.Time.CreateTimer(_ =>
        {
            timedOut = true;
            WakeAll();
        }, null, timeout, Timeout.InfiniteTimeSpan);
        while (!semaphore.Wait(0))
        {
            cancellation.ThrowIfCancellationRequested();
            if (timedOut)
            {
                return false;
            }

            // No RunContinuationsAsynchronously: the continuation goes back to the awaiter's CPU (or thread) from the releaser.
            var wake = new TaskCompletionSource<bool>();
            lock (_waiters)
            {
                _waiters.Add(wake);
            }

            using (cancellation.Register(static w => ((TaskCompletionSource<bool>)w!).TrySetResult(false), wake))
            {
                if (semaphore.CurrentCount == 0)
                {
                    await wake.Task;
                }
            }

            lock (_waiters)
            {
                _waiters.Remove(wake);
            }
        }

        return true;
    }

    /// <summary>After a release: the first waiter tries again.</summary>
    public void WakeOne()
    {
        TaskCompletionSource<bool>? first;
        lock (_waiters)
        {
            first = _waiters.Count > 0 ? _waiters[0] : null;
            if (first is not null)
            {
                _waiters.RemoveAt(0);
            }
        }

        first?.TrySetResult(true);
    }

    private void WakeAll()
    {
        TaskCompletionSource<bool>[] all;
        lock (_waiters)
        {
            all = _waiters.ToArray();
            _waiters.Clear();
        }

        foreach (var waiter in all)
        {
            waiter.TrySetResult(false);
        }
    }
}
