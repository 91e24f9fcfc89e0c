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
    /// <exception cref="BlockingOnVirtualCpuException">Called on a virtual CPU: await <see cref="WaitAsync"/> there.</exception>
    public void Wait(CancellationToken cancellation = default)
    {
        if (_count.Wait(0))
        {
            return;
        }

        BlockingOnVirtualCpuException.ThrowIfOnCpu("waiting on semaphore", Name, "await WaitAsync() instead");
        _count.Wait(cancellation);
    }

    /// <summary>Takes one unit, giving up after <paramref name="timeout"/>.</summary>
    public bool TryWait(TimeSpan timeout, CancellationToken cancellation = default)
    {
        if (_count.Wait(0))
        {
            return true;
        }

        if (timeout == TimeSpan.Zero)
        {
            return false;
        }

        BlockingOnVirtualCpuException.ThrowIfOnCpu("waiting on semaphore", Name, "await WaitAsync() instead");
        return _count.Wait(timeout, cancellation);
    }

    /// <summary>Takes one unit if one is available now.</summary>
    public bool TryWait() => _count.Wait(0);

    /// <summary>Takes one unit without blocking a thread: on a virtual CPU only the awaiting lightweight thread parks.</summary>
    public Task WaitAsync(CancellationToken cancellation = default) => _count.WaitAsync(cancellation);

    /// <summary>Returns one unit, waking a waiter.</summary>
    public void Post() => _count.Release();
}
