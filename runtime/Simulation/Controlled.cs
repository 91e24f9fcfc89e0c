using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace UxRt.Camkes.Runtime.Simulation;

/// <summary>
/// The kernel's hooks into the simulation. With no simulation running anywhere in the process each
/// is one read of a static and a branch; with one running, a hook on a controlled thread hands the
/// operation to its scheduler, and on any other thread (or once a schedule has failed and runs
/// free) it does what the runtime does without simulation.
/// </summary>
internal static class Controlled
{
    internal static int s_schedulers;

    [ThreadStatic]
    internal static ControlledThread? t_thread;

    public static bool IsOn
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Volatile.Read(ref s_schedulers) != 0;
    }

    /// <summary>The controlled thread running here, when it is under a schedule that has not failed.</summary>
    public static ControlledThread? Thread => IsOn && t_thread is { Scheduler.IsFree: false } thread ? thread : null;

    /// <summary>The scheduler of the current thread: what kernel objects made here belong to.</summary>
    public static SimulationScheduler? Scheduler => IsOn ? t_thread?.Scheduler : null;

    /// <summary>True in a simulation: the runtime's own awaits then come back to the CPU (or thread) that awaited, never to the pool.</summary>
    public static bool CaptureContext => IsOn && t_thread is not null;

    /// <summary>A kernel operation: the running thread may be switched out here.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Point(string point, string? subject = null)
    {
        if (IsOn)
        {
            PointSlow(point, subject, injectable: false);
        }
    }

    /// <summary>A kernel operation entered from a component's own code, where an injected fault may strike.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void EntryPoint(string point, string subject)
    {
        if (IsOn)
        {
            PointSlow(point, subject, injectable: true);
        }
    }

    private static void PointSlow(string point, string? subject, bool injectable)
    {
        if (Thread is { } thread)
        {
            thread.Scheduler.Point(thread, point, subject, injectable);
        }
    }

    // What a wait is for, in reports: built only on a controlled thread, so a hook allocates nothing otherwise.
    private static string Describe(string what, string? owner, string? name) =>
        owner is null ? what : name is null ? $"{what} {owner}" : $"{what} {owner}.{name}";

    /// <summary><see cref="ManualResetEventSlim.Wait(TimeSpan, CancellationToken)"/>, controlled; <paramref name="what"/>, <paramref name="owner"/> and <paramref name="name"/> say what for.</summary>
    public static bool Wait(ManualResetEventSlim wake, TimeSpan timeout, CancellationToken cancellation, string what, string? owner = null, string? name = null)
    {
        return Thread is { } thread ? ControlledWait(thread, wake, timeout, cancellation, Describe(what, owner, name)) : wake.Wait(timeout, cancellation);
    }

    // Apart from the hook, since a lambda's captures are allocated on entry to the method that has it.
    private static bool ControlledWait(ControlledThread thread, ManualResetEventSlim wake, TimeSpan timeout, CancellationToken cancellation, string what)
    {
        if (thread.Scheduler.Block(thread, () => wake.IsSet || cancellation.IsCancellationRequested, timeout, what) == BlockResult.Free)
        {
            return wake.Wait(timeout, cancellation);
        }

        cancellation.ThrowIfCancellationRequested();
        return wake.IsSet;
    }

    public static void Wait(ManualResetEventSlim wake, string what, string? owner = null, string? name = null) =>
        Wait(wake, Timeout.InfiniteTimeSpan, CancellationToken.None, what, owner, name);

    /// <summary><see cref="SemaphoreSlim.Wait(TimeSpan, CancellationToken)"/>, controlled.</summary>
    /// <param name="target">What the wait is for in the kernel's wait-for relation (a mutex), so a deadlock report names its holder.</param>
    public static bool Wait(SemaphoreSlim semaphore, TimeSpan timeout, CancellationToken cancellation, string what, string? owner = null, string? name = null, Kernel.IWaitTarget? target = null)
    {
        return Thread is { } thread ? ControlledWait(thread, semaphore, timeout, cancellation, Describe(what, owner, name), target) : semaphore.Wait(timeout, cancellation);
    }

    private static bool ControlledWait(ControlledThread thread, SemaphoreSlim semaphore, TimeSpan timeout, CancellationToken cancellation, string description, Kernel.IWaitTarget? target)
    {
        var deadline = Kernel.Deadline.After(timeout);
        while (!semaphore.Wait(0))
        {
            switch (thread.Scheduler.Block(thread, () => semaphore.CurrentCount > 0 || cancellation.IsCancellationRequested, deadline.Remaining, description, target))
            {
                case BlockResult.Free:
                    return semaphore.Wait(deadline.Remaining, cancellation);
                case BlockResult.TimedOut:
                    return semaphore.Wait(0);
            }

            cancellation.ThrowIfCancellationRequested();
        }

        return true;
    }

    /// <summary>Waits for <paramref name="task"/> to complete; false if <paramref name="timeout"/> passed first.</summary>
    public static bool Wait(Task task, TimeSpan timeout, string what, string? owner = null) =>
        Thread is { } thread ? ControlledWait(thread, task, timeout, Describe(what, owner, null)) : task.Wait(timeout);

    private static bool ControlledWait(ControlledThread thread, Task task, TimeSpan timeout, string what) =>
        thread.Scheduler.Block(thread, () => task.IsCompleted, timeout, what) == BlockResult.Free ? task.Wait(timeout) : task.IsCompleted;

    /// <summary><see cref="System.Threading.Thread.Join(TimeSpan)"/>, controlled when <paramref name="other"/> is a controlled thread.</summary>
    public static bool Join(Thread other, TimeSpan timeout) =>
        Thread is { } thread && thread.Scheduler.Find(other) is { } target ? ControlledJoin(thread, target, timeout) : other.Join(timeout);

    private static bool ControlledJoin(ControlledThread thread, ControlledThread target, TimeSpan timeout) =>
        thread.Scheduler.Block(thread, () => target.State == ThreadRunState.Done, timeout, $"{target.Name} to end") == BlockResult.Free
            ? target.Os!.Join(timeout)
            : target.State == ThreadRunState.Done;

    /// <summary>Sleeps for <paramref name="duration"/> (virtual time on a controlled thread); throws once <paramref name="cancellation"/> is cancelled.</summary>
    public static void Sleep(TimeSpan duration, CancellationToken cancellation)
    {
        if (Thread is not { } thread || !ControlledSleep(thread, duration, cancellation))
        {
            cancellation.WaitHandle.WaitOne(duration);
        }

        cancellation.ThrowIfCancellationRequested();
    }

    private static bool ControlledSleep(ControlledThread thread, TimeSpan duration, CancellationToken cancellation) =>
        thread.Scheduler.Block(thread, () => cancellation.IsCancellationRequested, duration, "a sleep to end") != BlockResult.Free;

    /// <summary>Waits until <paramref name="until"/> holds, for a wait with no primitive of its own.</summary>
    public static void WaitUntil(Func<bool> until, string what)
    {
        if (Thread is { } thread && thread.Scheduler.Block(thread, until, Timeout.InfiniteTimeSpan, what) != BlockResult.Free)
        {
            return;
        }

        // Only a schedule that failed and runs free gets here, while it is stopped.
        while (!until())
        {
            System.Threading.Thread.Sleep(1);
        }
    }

    /// <summary>Work for the thread pool: in a simulation, a controlled thread of its own.</summary>
    public static bool TryRunControlled(Action work)
    {
        if (Thread is not { } thread)
        {
            return false;
        }

        thread.Scheduler.RunOnPoolThread(work);
        return true;
    }

    /// <summary>The monotonic clock <see cref="Kernel.Deadline"/> reads, in <see cref="Stopwatch"/> units: virtual in a simulation.</summary>
    public static long Timestamp() =>
        Thread is { } thread ? (long)(thread.Scheduler.Now * (Stopwatch.Frequency / (double)TimeSpan.TicksPerSecond)) : Stopwatch.GetTimestamp();

    /// <summary>A native thread's async body: run here, with its continuations queued back to this thread (the thread pool is not controlled).</summary>
    public static void RunPumped(Func<Task> body)
    {
        var pump = new PumpContext();
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(pump);
        try
        {
            var task = body();
            while (!task.IsCompleted)
            {
                WaitUntil(() => task.IsCompleted || pump.HasWork, "an await to complete");
                pump.RunPending();
            }

            task.GetAwaiter().GetResult();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private sealed class PumpContext : SynchronizationContext
    {
        private readonly ConcurrentQueue<(SendOrPostCallback Callback, object? State)> _queue = new();

        public bool HasWork => !_queue.IsEmpty;

        public override void Post(SendOrPostCallback d, object? state) => _queue.Enqueue((d, state));

        public override void Send(SendOrPostCallback d, object? state) => d(state);

        public void RunPending()
        {
            while (_queue.TryDequeue(out var item))
            {
                item.Callback(item.State);
            }
        }
    }
}
