using BenchmarkDotNet.Attributes;
using UxRt.Camkes.Runtime.Synchronisation;

namespace UxRt.Camkes.Benchmarks.Runtime;

/// <summary>
/// An uncontended lock + unlock of a <c>has mutex</c>, the path every critical section takes,
/// against a bare <see cref="SemaphoreSlim"/> and against the mutex as it was before ownership
/// per lightweight thread and deadlock detection (owner = OS thread; copied below), in the same
/// run: what knowing the owner costs, and that the wait-for bookkeeping, which only a wait that
/// blocks pays, costs this path nothing.
/// </summary>
[InvocationCount(1024)]
public class MutexBenchmarks
{
    private const int Rounds = 1_000;

    private readonly SemaphoreSlim _semaphore = new(1, 1);
    private readonly ThreadOwnedMutex _before = new();
    private readonly ComponentMutex _mutex = new("m");

    [Benchmark(Baseline = true, OperationsPerInvoke = Rounds, Description = "SemaphoreSlim Wait(0) + Release (baseline)")]
    public void Semaphore()
    {
        for (var i = 0; i < Rounds; i++)
        {
            _semaphore.Wait(0);
            _semaphore.Release();
        }
    }

    [Benchmark(OperationsPerInvoke = Rounds, Description = "mutex owned per OS thread (before issue 21)")]
    public void ThreadOwned()
    {
        for (var i = 0; i < Rounds; i++)
        {
            _before.Lock();
            _before.Unlock();
        }
    }

    [Benchmark(OperationsPerInvoke = Rounds, Description = "ComponentMutex Lock + Unlock")]
    public void Blocking()
    {
        for (var i = 0; i < Rounds; i++)
        {
            _mutex.Lock();
            _mutex.Unlock();
        }
    }

    [Benchmark(OperationsPerInvoke = Rounds, Description = "ComponentMutex LockAsync + Unlock (completes at once)")]
    public void Awaitable()
    {
        for (var i = 0; i < Rounds; i++)
        {
            // Free, so it completes synchronously: the fast path of an awaiting lightweight thread.
            _mutex.LockAsync().GetAwaiter().GetResult();
            _mutex.Unlock();
        }
    }

    /// <summary>ComponentMutex's native path at 2db5afc: re-entrant, owned by the OS thread.</summary>
    private sealed class ThreadOwnedMutex
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private Thread? _owningThread;
        private int _depth;

        public void Lock()
        {
            if (_owningThread == Thread.CurrentThread)
            {
                _depth++;
                return;
            }

            _gate.Wait();
            _owningThread = Thread.CurrentThread;
            _depth = 1;
        }

        public void Unlock()
        {
            if (_owningThread == Thread.CurrentThread && --_depth == 0)
            {
                _owningThread = null;
                _gate.Release();
            }
        }
    }
}
