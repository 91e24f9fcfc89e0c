using UxRt.Camkes.Runtime.Notifications;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Synchronisation;

/// <summary>
/// <c>has binary_semaphore b;</c>: a semaphore whose count is 0 or 1 (initially <c>&lt;b&gt;_value</c>).
/// Posting an available semaphore leaves it available, which is exactly a coalescing notification.
/// </summary>
public sealed class ComponentBinarySemaphore
{
    private readonly Notification _available;

    public ComponentBinarySemaphore(string instance, string name, int initialValue = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(initialValue);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(initialValue, 1);
        Name = name;
        _available = new Notification(instance, name);
        if (initialValue == 1)
        {
            _available.Signal();
        }
    }

    public string Name { get; }

    /// <summary>Takes the semaphore, blocking until it is available.</summary>
    /// <exception cref="BlockingOnVirtualCpuException">Called on a virtual CPU: await <see cref="WaitAsync"/> there.</exception>
    public void Wait(CancellationToken cancellation = default)
    {
        BlockingOnVirtualCpuException.ThrowIfOnCpu("waiting on binary semaphore", Name, "await WaitAsync() instead");
        _available.Wait(cancellation);
    }

    /// <summary>Takes the semaphore, giving up after <paramref name="timeout"/>; <see cref="TimeSpan.Zero"/> is <see cref="TryWait()"/>.</summary>
    /// <exception cref="BlockingOnVirtualCpuException">Called on a virtual CPU with a timeout other than zero, even when the semaphore is available: await <see cref="TryWaitAsync"/> there.</exception>
    public bool TryWait(TimeSpan timeout, CancellationToken cancellation = default)
    {
        if (timeout != TimeSpan.Zero)
        {
            BlockingOnVirtualCpuException.ThrowIfOnCpu("waiting on binary semaphore", Name, "await TryWaitAsync() instead");
        }

        return _available.TryWait(timeout, out _, cancellation);
    }

    /// <summary>Takes the semaphore without blocking a thread, giving up after <paramref name="timeout"/> (then false).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled first.</exception>
    public async ValueTask<bool> TryWaitAsync(TimeSpan timeout, CancellationToken cancellation = default) =>
        await _available.TryWaitAsync(timeout, cancellation).ConfigureAwait(Simulation.Controlled.CaptureContext) != 0;

    /// <summary>Takes the semaphore without blocking a thread: on a virtual CPU only the awaiting lightweight thread parks.</summary>
    public async ValueTask WaitAsync(CancellationToken cancellation = default) => await _available.WaitAsync(cancellation).ConfigureAwait(Simulation.Controlled.CaptureContext);

    /// <summary>Takes the semaphore if it is available now.</summary>
    public bool TryWait() => _available.Poll() != 0;

    /// <summary>Makes the semaphore available (it stays at 1 if it already was).</summary>
    public void Post() => _available.Signal();
}
