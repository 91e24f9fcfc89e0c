using System.Collections.Concurrent;
using System.Diagnostics;

namespace UxRt.Camkes.Runtime.Threading;

/// <summary>
/// The one CPU of a unicore component: ONE dedicated OS thread running a FIFO run queue. It is
/// that thread's <see cref="SynchronizationContext"/> and offers a <see cref="TaskScheduler"/>, so
/// every <c>await</c> in the component's code comes back to it. The component's "threads" are
/// lightweight threads (async methods) interleaved on it one work item at a time; nothing of the
/// component runs anywhere else. Work that holds the CPU past <see cref="HoldLimit"/> is reported
/// through <see cref="Stalled"/>.
/// </summary>
public sealed class VirtualCpu
{
    [ThreadStatic]
    private static VirtualCpu? t_current;

    private static readonly SendOrPostCallback RunWorkItem = static item => ((ICpuWorkItem)item!).Execute();

    private readonly ConcurrentQueue<WorkEntry> _runQueue = new();
    private readonly ManualResetEventSlim _wake = new(initialState: false, spinCount: 50);
    private readonly Thread _thread;

    // Set when the CPU is made inside a simulation: its thread is then a controlled one.
    private readonly Simulation.ControlledThread? _simulated;
    private readonly VirtualCpuWatchdog _watchdog;
    private int _started;
    private int _sleeping;
    private volatile bool _stopping;
    private readonly bool _holdLimitFromSpec;

    /// <param name="name">The instance the CPU belongs to; its thread is named <c>name.cpu</c>.</param>
    /// <param name="holdLimit">How long one work item may hold the CPU before it is reported; null for <see cref="DefaultHoldLimit"/>.</param>
    public VirtualCpu(string name, TimeSpan? holdLimit = null)
    {
        Name = name;
        HoldLimit = holdLimit ?? DefaultHoldLimit;
        _holdLimitFromSpec = holdLimit is not null;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(HoldLimit, TimeSpan.Zero, nameof(holdLimit));
        Context = new VirtualCpuSynchronizationContext(this);
        Scheduler = new VirtualCpuTaskScheduler(this);
        _watchdog = new VirtualCpuWatchdog(this);
        _simulated = Simulation.Controlled.Scheduler?.Prepare(name + ".cpu", RunLoop);
        _thread = _simulated?.Os ?? new Thread(RunLoop) { Name = name + ".cpu", IsBackground = true };
    }

    /// <summary>The hold limit of CPUs whose instance does not set <c>cpu_hold_limit_ms</c>.</summary>
    public static readonly TimeSpan DefaultHoldLimit = TimeSpan.FromSeconds(1);

    /// <summary>The CPU whose thread is the current thread; null on any other thread.</summary>
    public static VirtualCpu? Current => t_current;

    /// <summary>The instance this CPU runs.</summary>
    public string Name { get; }

    /// <summary>How long one work item may run before the watchdog reports it.</summary>
    public TimeSpan HoldLimit { get; private set; }

    // The system's default (SystemOptions.CpuHoldLimit) replaces the built-in one, never a limit the spec set.
    internal void UseDefaultHoldLimit(TimeSpan limit)
    {
        if (!_holdLimitFromSpec && Volatile.Read(ref _started) == 0)
        {
            HoldLimit = limit;
        }
    }

    /// <summary>Posts continuations back onto this CPU; installed on its thread.</summary>
    public SynchronizationContext Context { get; }

    /// <summary>Runs tasks on this CPU (<c>Task.Factory.StartNew(…, cpu.Scheduler)</c>).</summary>
    public TaskScheduler Scheduler { get; }

    /// <summary>Whether the current thread is this CPU's thread.</summary>
    public bool IsCurrent => t_current == this;

    /// <summary>The managed thread id of the CPU's thread, once it has started.</summary>
    public int ThreadId => _thread.ManagedThreadId;

    /// <summary>Whether the CPU's thread is running.</summary>
    public bool IsRunning => _thread.IsAlive;

    /// <summary>Raised (on a timer thread) once for each work item that holds the CPU longer than <see cref="HoldLimit"/>.</summary>
    public event Action<CpuStall>? Stalled;

    /// <summary>Raised on the CPU's thread when a work item throws (for example an <c>async void</c> method).</summary>
    public event Action<Exception>? UnhandledException;

    /// <summary>Queues <paramref name="callback"/> at the back of the run queue. Never blocks; safe from any thread.</summary>
    public void Post(SendOrPostCallback callback, object? state)
    {
        ArgumentNullException.ThrowIfNull(callback);
        Enqueue(new WorkEntry(callback, state));
    }

    /// <summary>Queues <paramref name="action"/> at the back of the run queue.</summary>
    public void Post(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Enqueue(new WorkEntry(static a => ((Action)a!)(), action));
    }

    /// <summary>
    /// Runs <paramref name="action"/> on this CPU and waits for it: inline when called on the CPU,
    /// otherwise queued while the calling (native) thread waits. Its exception is rethrown here.
    /// </summary>
    /// <exception cref="BlockingOnVirtualCpuException">Called on another virtual CPU, which must never wait.</exception>
    public void Invoke(Action action)
    {
        if (IsCurrent)
        {
            action();
            return;
        }

        BlockingOnVirtualCpuException.ThrowIfOnCpu("waiting for virtual CPU", Name, "post the work instead of waiting for it");
        using var done = new ManualResetEventSlim();
        Exception? failure = null;
        Post(() =>
        {
            try
            {
                action();
            }
            catch (Exception exception)
            {
                failure = exception;
            }
            finally
            {
                done.Set();
            }
        });
        Simulation.Controlled.Wait(done, "an item invoked on virtual CPU", Name);
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    /// <summary>Starts a lightweight thread: <paramref name="body"/> runs on this CPU, and so does every continuation of it.</summary>
    public Task Spawn(Func<Task> body) => Spawn($"a lightweight thread of '{Name}'", body);

    /// <summary>Like <see cref="Spawn(Func{Task})"/>, naming the lightweight thread (<c>server.control</c>) in what holds a mutex.</summary>
    internal Task Spawn(string name, Func<Task> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Task.Factory.StartNew(() => StartLightweightThread(name, body), CancellationToken.None, TaskCreationOptions.DenyChildAttach, Scheduler).Unwrap();
    }

    // A new lightweight thread owns nothing its spawner holds: it gets a lock owner of its own, which
    // its async body takes along across its awaits; the spawner's flow is put back once the body first yields.
    private static Task StartLightweightThread(string name, Func<Task> body)
    {
        var spawner = Synchronisation.LockOwner.Begin(name);
        try
        {
            return body();
        }
        finally
        {
            Synchronisation.LockOwner.Restore(spawner);
        }
    }

    /// <summary>Stops the CPU after the work item it is running; queued work is dropped. Returns false if its thread did not end within <paramref name="timeout"/>.</summary>
    public bool Stop(TimeSpan timeout)
    {
        _stopping = true;
        _wake.Set();
        _watchdog.Dispose();
        return Volatile.Read(ref _started) == 0 || _thread == Thread.CurrentThread || Simulation.Controlled.Join(_thread, timeout);
    }

    /// <summary>
    /// What the CPU is running now, for naming a CPU that did not stop: <paramref name="state"/> is
    /// the work item's state (a call's reply, a task, a delegate). False when it is between items.
    /// </summary>
    internal bool TryGetRunning(out object? callback, out object? state) => _watchdog.TryGetRunning(out callback, out state);

    internal void Post(ICpuWorkItem item) => Enqueue(new WorkEntry(RunWorkItem, item));

    internal void ReportStall(CpuStall stall) => Stalled?.Invoke(stall);

    /// <summary>
    /// Set by the kernel to name the work items it knows better than the watchdog can (a call
    /// carried onto the CPU: its handler, as the component declares it); null for the others.
    /// </summary>
    internal Func<object?, object?, string?>? KnownWorkItemNamer { get; set; }

    /// <summary>What a report calls the work item: the user's method it runs.</summary>
    internal string NameWorkItem(object? callback, object? state) =>
        KnownWorkItemNamer?.Invoke(callback, state) ?? VirtualCpuWatchdog.Describe(callback, state);

    private void Enqueue(WorkEntry entry)
    {
        if (Volatile.Read(ref _started) == 0 && Interlocked.Exchange(ref _started, 1) == 0)
        {
            if (_simulated is not null)
            {
                // Virtual time has no use for the real-time watchdog.
                _simulated.Scheduler.Start(_simulated);
            }
            else
            {
                // Unsafe: the CPU's thread must not inherit the async flow (and a lock owner) of whoever posted first.
                _thread.UnsafeStart();
                _watchdog.Start();
            }
        }

        _simulated?.Scheduler.CheckCaller($"post to virtual CPU {Name}");
        _runQueue.Enqueue(entry);

        // Only a CPU that said it is going to sleep needs waking; the barrier orders the enqueue before this read.
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _sleeping) != 0)
        {
            _wake.Set();
        }
    }

    private void RunLoop()
    {
        t_current = this;
        UxRt.Camkes.Runtime.Glue.CallContext.MarkVirtualCpuThread();
        SynchronizationContext.SetSynchronizationContext(Context);

        // The loop runs as a task of the CPU's own scheduler, so TaskScheduler.Current is the CPU for
        // everything it runs, continuations of awaits included: ContinueWith and Task.Factory.StartNew
        // without a scheduler then stay on the CPU instead of going to the pool.
        new Task(RunQueue, TaskCreationOptions.DenyChildAttach).RunSynchronously(Scheduler);
    }

    private void RunQueue()
    {
        while (!_stopping)
        {
            if (!_runQueue.TryDequeue(out var entry) && !SpinForWork(out entry))
            {
                _wake.Reset();
                Interlocked.Exchange(ref _sleeping, 1);

                // Re-checked after announcing sleep: a post in between either is seen here or sets the event.
                if (!_runQueue.TryDequeue(out entry))
                {
                    if (!_stopping)
                    {
                        Simulation.Controlled.Wait(_wake, "work on virtual CPU", Name);
                    }

                    Interlocked.Exchange(ref _sleeping, 0);
                    continue;
                }

                Interlocked.Exchange(ref _sleeping, 0);
            }

            Execute(entry);
        }
    }

    // Work usually follows work within microseconds (the reply to a call the CPU just made, the
    // next call of a client that just had its answer), far sooner than an OS wake-up: spin first,
    // with the same budget and cap on spinning threads as the other hand-offs.
    private bool SpinForWork(out WorkEntry entry)
    {
        var spin = default(Rpc.HandOffSpin);
        while (!_stopping && spin.SpinOnce())
        {
            if (_runQueue.TryDequeue(out entry))
            {
                spin.End();
                return true;
            }
        }

        spin.End();
        entry = default;
        return false;
    }

    private void Execute(WorkEntry entry)
    {
        // Between two work items is where the CPU's lightweight threads interleave.
        Simulation.Controlled.Point("cpu", Name);
        _watchdog.Begin(entry.Callback, entry.State);
        try
        {
            entry.Callback(entry.State);
        }
        catch (Exception exception)
        {
            if (UnhandledException is { } handler)
            {
                handler(exception);
            }
            else
            {
                Console.Error.WriteLine($"unhandled exception on virtual CPU '{Name}': {exception}");
            }
        }
        finally
        {
            _watchdog.End();
            Synchronisation.LockOwner.ForgetLeftOnCpu();
        }
    }

    private readonly record struct WorkEntry(SendOrPostCallback Callback, object? State);
}

/// <summary>One work item that held a virtual CPU longer than its limit.</summary>
/// <param name="Cpu">The instance whose CPU was held.</param>
/// <param name="Held">How long the item had held it when reported.</param>
/// <param name="WorkItem">What the item was running, as far as the CPU can tell.</param>
public sealed record CpuStall(string Cpu, TimeSpan Held, TimeSpan Limit, string WorkItem)
{
    public override string ToString() =>
        $"a work item ({WorkItem}) of instance '{Cpu}' has held its virtual CPU for {Held.TotalMilliseconds:0} ms (limit {Limit.TotalMilliseconds:0} ms); something in it blocks";
}

/// <summary>Work the runtime queues onto a CPU without allocating a delegate (a call frame being delivered).</summary>
internal interface ICpuWorkItem
{
    void Execute();
}
