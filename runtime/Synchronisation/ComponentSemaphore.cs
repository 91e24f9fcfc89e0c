using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Synchronisation;

/// <summary>
/// <c>has semaphore s;</c>: a counting semaphore whose initial count is <c>&lt;s&gt;_value</c>
/// (CAmkES's <c>s_wait()</c> and <c>s_post()</c>). Native threads block in <see cref="Wait"/>;
/// lightweight threads of a unicore component await <see cref="WaitAsync"/>.
/// </summary>
public sealed class ComponentSemaphore
{
    private readonly SemaphoreSlim _count;

    // Made in a simulation: its awaitable waits are completed by controlled threads (null otherwise).
    private readonly Simulation.SimulatedWaiters? _simulated = Simulation.Controlled.Scheduler is { } simulation ? new(simulation) : null;

    public ComponentSemaphore(string name, int initialValue = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(initialValue);
        Name = name;
        _count = new SemaphoreSlim(initialValue);
    }

    public string Name { get; }

    /// <summary>The current count.</summary>
    public int Value => _count.CurrentCount;

    /// <summary>Takes one unit, blocking until one is available.</summary>
    /// <exception cref="BlockingOnVirtualCpuException">
    /// Called on a virtual CPU, even when a unit is available (whether it would block depends on
    /// other threads, so the mistake must show every time): await <see cref="WaitAsync"/> there.
    /// </exception>
    public void Wait(CancellationToken cancellation = default)
    {
        BlockingOnVirtualCpuException.ThrowIfOnCpu("waiting on semaphore", Name, "await WaitAsync() instead");
        Simulation.Controlled.Wait(_count, Timeout.InfiniteTimeSpan, cancellation, "semaphore", Name);
    }

    /// <summary>Takes one unit, giving up after <paramref name="timeout"/>; <see cref="TimeSpan.Zero"/> is <see cref="TryWait()"/>.</summary>
    /// <exception cref="BlockingOnVirtualCpuException">Called on a virtual CPU with a timeout other than zero, even when a unit is available: await <see cref="TryWaitAsync"/> there.</exception>
    public bool TryWait(TimeSpan timeout, CancellationToken cancellation = default)
    {
        if (timeout == TimeSpan.Zero)
        {
            return TryWait();
        }

        BlockingOnVirtualCpuException.ThrowIfOnCpu("waiting on semaphore", Name, "await TryWaitAsync() instead");
        return Simulation.Controlled.Wait(_count, timeout, cancellation, "semaphore", Name);
    }

    /// <summary>Takes one unit without blocking a thread, giving up after <paramref name="timeout"/> (then false).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled first.</exception>
    public ValueTask<bool> TryWaitAsync(TimeSpan timeout, CancellationToken cancellation = default) =>
        _count.Wait(0) ? new ValueTask<bool>(true) : timeout == TimeSpan.Zero ? new ValueTask<bool>(false) : new ValueTask<bool>(_simulated?.WaitAsync(_count, timeout, cancellation) ?? _count.WaitAsync(timeout, cancellation));

    /// <summary>Takes one unit if one is available now.</summary>
    public bool TryWait() => _count.Wait(0);

    /// <summary>Takes one unit without blocking a thread: on a virtual CPU only the awaiting lightweight thread parks.</summary>
    public Task WaitAsync(CancellationToken cancellation = default) =>
        _simulated?.WaitAsync(_count, Timeout.InfiniteTimeSpan, cancellation) ?? _count.WaitAsync(cancellation);

    /// <summary>Returns one unit, waking a waiter.</summary>
    public void Post()
    {
        _count.Release();
        _simulated?.WakeOne();
        Simulation.Controlled.Point("post", Name);
    }
}
