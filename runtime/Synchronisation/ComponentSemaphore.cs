using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Synchronisation;

/// <summary>
/// <c>has semaphore s;</c>: a counting semaphore whose initial count is <c>&lt;s&gt;_value</c>
/// (CAmkES's <c>s_wait()</c> and <c>s_post()</c>).
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
    public void Wait(CancellationToken cancellation = default)
    {
        if (_count.Wait(0))
        {
            return;
        }

        using (VirtualCpu.Yield())
        {
            _count.Wait(cancellation);
        }
    }

    /// <summary>Takes one unit, giving up after <paramref name="timeout"/>.</summary>
    public bool TryWait(TimeSpan timeout, CancellationToken cancellation = default)
    {
        if (_count.Wait(0))
        {
            return true;
        }

        using (VirtualCpu.Yield())
        {
            return _count.Wait(timeout, cancellation);
        }
    }

    /// <summary>Takes one unit if one is available now.</summary>
    public bool TryWait() => _count.Wait(0);

    public Task WaitAsync(CancellationToken cancellation = default) => _count.WaitAsync(cancellation);

    /// <summary>Returns one unit, waking a waiter.</summary>
    public void Post() => _count.Release();
}
