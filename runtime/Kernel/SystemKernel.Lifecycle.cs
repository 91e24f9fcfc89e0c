namespace UxRt.Camkes.Runtime.Kernel;

/// <summary>
/// The asynchronous lifecycle a host drives: start, run until the system is done or the token is
/// cancelled, stop, dispose. Each wraps the synchronous step of the same name on a pool thread, so
/// a host's thread never blocks on <c>Init</c> or on joining component threads.
/// </summary>
public sealed partial class SystemKernel
{
    private readonly TaskCompletionSource _runEndedSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when every control thread has returned or a stop was requested.</summary>
    public Task Finished => _runEndedSignal.Task;

    /// <summary>Starts the system as <see cref="Start"/> does: every <c>Init</c>, then the interface, event and control threads.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.Run(Start, cancellationToken);
    }

    /// <summary>
    /// Stops the system as <see cref="Stop"/> does: every call accepted anywhere is answered or fails
    /// with a "system stopping" fault, then threads are joined within <see cref="ShutdownTimeout"/>.
    /// Returns the threads that did not stop, each with the method it was running. Cancelling
    /// <paramref name="cancellationToken"/> stops waiting (the stop goes on in the background).
    /// </summary>
    public Task<IReadOnlyList<string>> StopAsync(CancellationToken cancellationToken = default) =>
        Task.Run(Stop, CancellationToken.None).WaitAsync(cancellationToken);

    /// <summary>
    /// Starts the system and runs it until every control thread has returned, a component or host
    /// requests a stop, or <paramref name="cancellationToken"/> is cancelled; then stops it. Returns
    /// the exit code: 0, or 1 after a fault that no fault handler took, or when a thread did not stop.
    /// </summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        await StartAsync(cancellationToken).ConfigureAwait(false);
        using (cancellationToken.Register(RequestStop))
        {
            await Finished.ConfigureAwait(false);
        }

        return ExitCodeAfter(await StopAsync(CancellationToken.None).ConfigureAwait(false));
    }

    /// <summary>Stops the system if it is running (as <see cref="StopAsync"/>) and releases the kernel.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            await StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        Dispose();
    }

    /// <summary>0 when no fault went unhandled and every thread stopped; 1 otherwise.</summary>
    public int ExitCodeAfter(IReadOnlyList<string> threadsNotStopped)
    {
        ArgumentNullException.ThrowIfNull(threadsNotStopped);
        return Volatile.Read(ref _unhandledFaults) == 0 && threadsNotStopped.Count == 0 ? 0 : 1;
    }

    private void EndRun()
    {
        _runEnded.Set();
        _runEndedSignal.TrySetResult();
    }
}
