using System.Collections.Concurrent;
using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Synchronisation;

namespace UxRt.Camkes.Runtime.Tests.Support;

/// <summary>
/// A server for call-graph tests: <c>add(hops, x)</c> calls on to the next server with
/// <c>hops - 1</c> while hops remain (taking <see cref="Mutex"/> first, when set, and holding it
/// across the call), so one call from a client walks a chain or a cycle of servers. A refusal of
/// its call out (a <see cref="DeadlockException"/> inside the fault) is recorded, then faults this
/// call too, as a handler that does not catch it would.
/// </summary>
internal sealed class Relay : StubCalculator
{
    public Func<ICalculator>? Next { get; set; }

    public ComponentMutex? Mutex { get; init; }

    public ConcurrentQueue<DeadlockException> Refusals { get; } = new();

    public override int Add(int hops, int x)
    {
        if (hops == 0)
        {
            return x + 1;
        }

        var locked = false;
        try
        {
            if (Mutex is not null)
            {
                Mutex.Lock();
                locked = true;
            }

            return Next!().Add(hops - 1, x) + 1;
        }
        catch (Exception exception) when (Refusal.Record(exception, Refusals))
        {
            throw;
        }
        finally
        {
            if (locked)
            {
                Mutex!.Unlock();
            }
        }
    }
}

/// <summary><see cref="Relay"/> for a unicore server: every call out and every lock is awaited.</summary>
internal sealed class AsyncRelay : StubAsyncCalculator
{
    public Func<IAsyncCalculator>? Next { get; set; }

    public ComponentMutex? Mutex { get; init; }

    public ConcurrentQueue<DeadlockException> Refusals { get; } = new();

    public override async ValueTask<int> AddAsync(int hops, int x)
    {
        if (hops == 0)
        {
            return x + 1;
        }

        try
        {
            if (Mutex is not null)
            {
                await Mutex.LockAsync();
            }

            try
            {
                return await Next!().AddAsync(hops - 1, x) + 1;
            }
            finally
            {
                Mutex?.Unlock();
            }
        }
        catch (Exception exception) when (Refusal.Record(exception, Refusals))
        {
            throw;
        }
    }
}

internal static class Refusal
{
    /// <summary>An exception filter: records a refused wait (thrown, or inside a call's fault) and never catches, so the fault goes on.</summary>
    public static bool Record(Exception exception, ConcurrentQueue<DeadlockException> refusals)
    {
        if ((exception as DeadlockException ?? (exception as ComponentFaultException)?.InnerException as DeadlockException) is { } refused)
        {
            refusals.Enqueue(refused);
        }

        return false;
    }
}
