using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Notifications;

namespace UxRt.Camkes.Runtime.Simulation;

/// <summary>
/// Runs one schedule: every thread of a simulated system is a <see cref="ControlledThread"/>, exactly
/// one runs at a time, and at every kernel operation the thread that reached it asks the strategy
/// which thread runs next (Coyote-style: the chosen thread's gate opens, the caller's closes). When
/// every thread is blocked, virtual time jumps to the next timer or timeout; with none, that is a
/// deadlock. A failure switches the schedule to free running: every gate opens and the hooks fall
/// back to the runtime's own waits, so the system can be stopped the ordinary way.
/// </summary>
internal sealed class SimulationScheduler
{
    private readonly object _lock = new();
    private readonly List<ControlledThread> _threads = new();
    private readonly Dictionary<Thread, ControlledThread> _byOs = new();
    private readonly List<ControlledThread> _enabled = new();
    private readonly ISchedulingStrategy _strategy;
    private readonly SimulationOptions _options;
    private readonly List<Decision> _decisions = new();
    private readonly List<string> _output = new();
    private readonly List<VirtualTimer> _timers = new();
    private readonly Dictionary<(string Instance, string Name), int> _signals = new();
    private readonly List<SimulatedFault> _pendingFaults;
    private readonly ManualResetEventSlim _ended = new(false);
    private ControlledThread? _running;
    private long _timerSequence;
    private int _poolThreads;
    private int _nextId;
    private volatile bool _free;
    private bool _completed;
    private ulong _traceHash = 14695981039346656037UL;

    public SimulationScheduler(int seed, SimulationOptions options)
    {
        Seed = seed;
        _options = options;
        var random = new Random(seed);
        _strategy = options.Strategy == SchedulingStrategy.Pct
            ? new PctStrategy(random, options.PctDepth, options.PctStepsHint)
            : new RandomWalkStrategy(random);
        // A fault without a step gets one from the seed, so exploring seeds explores where it strikes.
        _pendingFaults = options.Faults.Select(f => f.AtStep is null && f.Kind == SimulatedFaultKind.ComponentFault ? f.At(1 + random.Next(options.FaultStepRange)) : f).ToList();
        Time = new SimulatedTimeProvider(this);
    }

    public int Seed { get; }

    public SimulatedTimeProvider Time { get; }

    /// <summary>Virtual time since the schedule began, in <see cref="TimeSpan"/> ticks.</summary>
    public long Now { get; private set; }

    public int Steps { get; private set; }

    public bool IsFree => _free;

    public SimulationFailureKind Failure { get; private set; }

    public string? FailureMessage { get; private set; }

    public int? FailureStep { get; private set; }

    /// <summary>The system under test, once built: what invariants look at.</summary>
    public SystemKernel? Kernel { get; set; }

    public Func<SystemKernel, bool>? Invariant { get; init; }

    public ulong TraceHash => _traceHash;

    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_lock)
            {
                return _output.ToArray();
            }
        }
    }

    public void Log(string line)
    {
        lock (_lock)
        {
            // After a failure threads run free, in no set order: what they print is not part of the schedule.
            if (_free && !_completed)
            {
                return;
            }

            _output.Add(line);
        }
    }

    /// <summary>The decisions, one line each, naming threads by their kernel names: identical in every run of a seed.</summary>
    public IReadOnlyList<string> Trace()
    {
        lock (_lock)
        {
            return _decisions.Select(d => $"{d.Step} {d.From ?? "-"} @ {d.Point}{(d.Subject is null ? "" : " " + d.Subject)} -> {d.To}").ToArray();
        }
    }

    /// <summary>Makes a controlled thread that has not started; <see cref="Start"/> makes it runnable.</summary>
    public ControlledThread Prepare(string name, Action body, bool daemon = false)
    {
        lock (_lock)
        {
            var thread = new ControlledThread(this, _nextId++, name, daemon);
            thread.Os = new Thread(() => RunControlled(thread, body)) { Name = name, IsBackground = true };
            return thread;
        }
    }

    public void Start(ControlledThread thread)
    {
        lock (_lock)
        {
            _threads.Add(thread);
            _byOs[thread.Os!] = thread;
            _strategy.OnThreadStarted(thread);
        }

        // Unsafe: the new thread must not inherit the starter's async flow (a lock owner, say).
        thread.Os!.UnsafeStart();
    }

    public ControlledThread StartThread(string name, Action body)
    {
        var thread = Prepare(name, body);
        Start(thread);
        return thread;
    }

    /// <summary>Work the runtime would hand to the thread pool: a controlled thread of its own instead.</summary>
    public void RunOnPoolThread(Action work) => StartThread($"pool.{Interlocked.Increment(ref _poolThreads)}", work);

    public ControlledThread? Find(Thread thread)
    {
        lock (_lock)
        {
            return _byOs.GetValueOrDefault(thread);
        }
    }

    /// <summary>Runs <paramref name="main"/> as the first controlled thread until the schedule ends; then <paramref name="teardown"/> after a failure.</summary>
    public void Run(Action main, Action teardown)
    {
        Interlocked.Increment(ref Controlled.s_schedulers);
        try
        {
            Start(Prepare("sim.timers", TimerLoop, daemon: true));
            var first = Prepare("main", main);
            Start(first);
            lock (_lock)
            {
                _running = PickLocked(current: null, "start", null);
                _running?.Gate.Release();
            }

            Watch();
            if (_free && !_completed)
            {
                teardown();
                if (!first.Os!.Join(_options.TeardownTimeout))
                {
                    lock (_lock)
                    {
                        // The simulation's own line: Log drops what free-running threads print.
                        _output.Add($"simulation: the system did not stop within {_options.TeardownTimeout.TotalSeconds:0.#} s after the failure; its threads are left running");
                    }
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref Controlled.s_schedulers);
        }
    }

    // The real-time watch over a schedule: a thread that holds the turn without reaching a kernel
    // operation is blocked (or spinning) outside the kernel, which the simulation cannot control.
    private void Watch()
    {
        var lastSteps = -1;
        var sameSince = Environment.TickCount64;
        var blockedSince = 0L;
        while (!_ended.Wait(TimeSpan.FromMilliseconds(10)))
        {
            if (_free)
            {
                return;
            }

            var now = Environment.TickCount64;
            var steps = Steps;
            if (steps != lastSteps)
            {
                lastSteps = steps;
                sameSince = now;
                blockedSince = 0;
                continue;
            }

            var running = _running;
            if (running is null || running.AtGate || running.Os is not { } os)
            {
                blockedSince = 0;
                continue;
            }

            if ((os.ThreadState & ThreadState.WaitSleepJoin) != 0)
            {
                blockedSince = blockedSince == 0 ? now : blockedSince;
            }
            else
            {
                blockedSince = 0;
            }

            if (blockedSince != 0 && now - blockedSince > _options.BlockedOutsideKernelLimit.TotalMilliseconds)
            {
                Fail(SimulationFailureKind.UncontrolledBlocking, $"thread {running.Name} blocks outside the kernel after {running.LastPoint} (a lock, Thread.Sleep, Task.Wait or another BCL wait the simulation cannot see); use the component's kernel objects (mutex, semaphore, notification, DelayAsync) instead");
                return;
            }

            if (now - sameSince > _options.StepTimeLimit.TotalMilliseconds)
            {
                Fail(SimulationFailureKind.UncontrolledBlocking, $"thread {running.Name} has run for {_options.StepTimeLimit.TotalSeconds:0.#} s of real time since {running.LastPoint} without reaching a kernel operation");
                return;
            }
        }
    }

    /// <summary>A scheduling point: the running thread may be switched out here.</summary>
    public void Point(ControlledThread self, string point, string? subject, bool injectable = false)
    {
        var inject = false;
        lock (_lock)
        {
            if (_free)
            {
                return;
            }

            Steps++;
            self.PointName = point;
            self.PointSubject = subject;
            if (!CheckLocked(self))
            {
                return;
            }

            inject = injectable && TakeInjectedFault(self, InstanceOf(self));
            if (!inject)
            {
                var next = PickLocked(self, point, subject);
                if (next is null || next == self)
                {
                    return;
                }

                SwitchLocked(next);
            }
        }

        if (inject)
        {
            throw new InjectedFaultException($"fault injected into {self.Name} at step {Steps} ({self.LastPoint})");
        }

        WaitForTurn(self);
    }

    /// <summary>Blocks the running thread until <paramref name="until"/> holds or <paramref name="timeout"/> passes in virtual time.</summary>
    public BlockResult Block(ControlledThread self, Func<bool> until, TimeSpan timeout, string what, IWaitTarget? target = null)
    {
        var deadline = timeout == Timeout.InfiniteTimeSpan ? long.MaxValue : Now + Math.Max(0, timeout.Ticks);
        while (true)
        {
            if (until())
            {
                return BlockResult.Satisfied;
            }

            lock (_lock)
            {
                if (_free)
                {
                    return BlockResult.Free;
                }

                if (Now >= deadline)
                {
                    return BlockResult.TimedOut;
                }

                Steps++;
                self.PointName = "wait for";
                self.PointSubject = what;
                if (!CheckLocked(self))
                {
                    return BlockResult.Free;
                }

                self.State = ThreadRunState.Blocked;
                self.Until = until;
                self.Deadline = deadline;
                self.WaitingFor = what;
                self.WaitTarget = target;
                var next = PickLocked(self, "wait", what);
                if (next is null)
                {
                    return BlockResult.Free;
                }

                if (next != self)
                {
                    SwitchLocked(next);
                }
                else
                {
                    continue;
                }
            }

            WaitForTurn(self);
        }
    }

    /// <summary>Records a failure (the first one counts) and lets every thread run free.</summary>
    public void Fail(SimulationFailureKind kind, string message)
    {
        lock (_lock)
        {
            FailLocked(kind, message);
        }
    }

    public void OnFault(FaultRecord fault)
    {
        if (_options.FailOnFault && fault.Exception is not InjectedFaultException and not SimulationAssertionException)
        {
            Fail(SimulationFailureKind.ComponentFault, $"{fault.Thread}: {fault.Exception.GetType().Name}: {fault.Exception.Message}");
        }
    }

    /// <summary>A signal about to be sent: true to send it now; a dropped one is not sent, a delayed one is sent later by a timer.</summary>
    public bool OnSignal(Notification notification, int badge)
    {
        var self = CheckCaller($"signal {notification.Instance}.{notification.Name}");
        if (self is null || t_redelivering)
        {
            return true;
        }

        SimulatedFault? fault;
        lock (_lock)
        {
            var key = (notification.Instance, notification.Name);
            var count = _signals[key] = _signals.GetValueOrDefault(key) + 1;
            fault = _pendingFaults.FirstOrDefault(f => f.Kind is SimulatedFaultKind.DropSignal or SimulatedFaultKind.DelaySignal
                && f.Instance == notification.Instance && f.Interface == notification.Name && f.Occurrence == count);
            if (fault is not null)
            {
                _pendingFaults.Remove(fault);
                _output.Add($"simulation: {(fault.Kind == SimulatedFaultKind.DropSignal ? "dropped" : "delayed")} signal {count} of {notification.Instance}.{notification.Name} at step {Steps}");
            }
        }

        Point(self, "signal", $"{notification.Instance}.{notification.Name}", injectable: true);
        if (fault?.Kind == SimulatedFaultKind.DelaySignal)
        {
            Time.CreateTimer(_ =>
            {
                t_redelivering = true;
                try
                {
                    notification.Signal(badge);
                }
                finally
                {
                    t_redelivering = false;
                }
            }, null, fault.Delay, Timeout.InfiniteTimeSpan);
        }

        return fault is null;
    }

    [ThreadStatic]
    private static bool t_redelivering;

    /// <summary>A call about to be made: a scheduling point where an injected fault may strike the caller.</summary>
    public void OnCall(Endpoint endpoint)
    {
        if (CheckCaller($"call to {endpoint.Instance}.{endpoint.Interface}") is { } self)
        {
            Point(self, "call", $"{endpoint.Instance}.{endpoint.Interface}", injectable: true);
        }
    }

    /// <summary>The controlled thread calling, or null (and a failure) when the caller is a thread the simulation did not start.</summary>
    public ControlledThread? CheckCaller(string operation)
    {
        if (_free)
        {
            return null;
        }

        var current = Controlled.t_thread;
        if (current?.Scheduler == this)
        {
            return current;
        }

        Fail(SimulationFailureKind.UncontrolledThread, $"{operation} from thread '{Thread.CurrentThread.Name ?? (Thread.CurrentThread.IsThreadPoolThread ? "a thread-pool thread" : "unnamed")}', which the kernel did not start (Task.Run, new Thread, a ConfigureAwait(false) continuation or a BCL timer in a simulated system); start threads with StartThread and time with DelayAsync or StartTimer");
        return null;
    }

    // The instance a thread belongs to: kernel threads are named instance.what.
    private static string InstanceOf(ControlledThread thread)
    {
        var dot = thread.Name.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? thread.Name : thread.Name[..dot];
    }

    public void AddTimer(VirtualTimer timer)
    {
        lock (_lock)
        {
            timer.Sequence = _timerSequence++;
            _timers.Add(timer);
        }
    }

    public void RemoveTimer(VirtualTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }
    }

    // Evaluated at every step while the timer thread waits: a loop, not a query, so it allocates nothing.
    private bool HasDueTimer()
    {
        lock (_lock)
        {
            foreach (var timer in _timers)
            {
                if (timer.Due <= Now)
                {
                    return true;
                }
            }

            return false;
        }
    }

    // Fires due timers in due order (ties in creation order) on the timer thread, one scheduling point each.
    private void TimerLoop()
    {
        var self = Controlled.t_thread!;
        while (true)
        {
            if (Block(self, HasDueTimer, Timeout.InfiniteTimeSpan, "virtual timers") != BlockResult.Satisfied || _completed)
            {
                return;
            }

            while (true)
            {
                VirtualTimer? due;
                lock (_lock)
                {
                    due = _timers.Where(t => t.Due <= Now).OrderBy(t => t.Due).ThenBy(t => t.Sequence).FirstOrDefault();
                    if (due is null)
                    {
                        break;
                    }

                    _timers.Remove(due);
                    due.Rearm(_timers, ref _timerSequence);
                }

                Point(self, "timer", null);
                due.Fire();
            }
        }
    }

    private void RunControlled(ControlledThread self, Action body)
    {
        Controlled.t_thread = self;
        WaitForTurn(self);
        try
        {
            body();
        }
        catch (Exception exception)
        {
            // Kernel threads catch their components' exceptions; one reaching here is the simulation's own.
            Fail(SimulationFailureKind.ComponentFault, $"thread {self.Name} ended with {exception.GetType().Name}: {exception.Message}");
        }
        finally
        {
            Exit(self);
            Controlled.t_thread = null;
        }
    }

    private void Exit(ControlledThread self)
    {
        lock (_lock)
        {
            self.State = ThreadRunState.Done;
            if (_free)
            {
                return;
            }

            var next = PickLocked(current: null, "end", self.Name);
            if (next is not null)
            {
                _running = next;
                next.Gate.Release();
            }
        }
    }

    private void WaitForTurn(ControlledThread self)
    {
        lock (_lock)
        {
            if (_free)
            {
                return;
            }

            self.AtGate = true;
        }

        self.Gate.Wait();
        self.AtGate = false;
    }

    private void SwitchLocked(ControlledThread next)
    {
        _running = next;
        next.Gate.Release();
    }

    // Invariants and the step bound, checked between steps while only the scheduler's caller runs.
    private bool CheckLocked(ControlledThread self)
    {
        if (Steps > _options.MaxSteps)
        {
            FailLocked(SimulationFailureKind.Livelock, $"no end after {_options.MaxSteps} steps (livelock, or raise SimulationOptions.MaxSteps); {self.Name} was at {self.LastPoint}");
            return false;
        }

        if (Invariant is { } invariant && Kernel is { } kernel)
        {
            bool holds;
            try
            {
                holds = invariant(kernel);
            }
            catch (Exception exception)
            {
                FailLocked(SimulationFailureKind.InvariantViolated, $"the invariant threw {exception.GetType().Name}: {exception.Message} at step {Steps} ({self.Name} at {self.LastPoint})");
                return false;
            }

            if (!holds)
            {
                FailLocked(SimulationFailureKind.InvariantViolated, $"the invariant does not hold at step {Steps} ({self.Name} at {self.LastPoint})");
                return false;
            }
        }

        return true;
    }

    private bool TakeInjectedFault(ControlledThread self, string instance)
    {
        var fault = _pendingFaults.FirstOrDefault(f => f.Kind == SimulatedFaultKind.ComponentFault && f.Instance == instance && Steps >= f.AtStep);
        if (fault is null)
        {
            return false;
        }

        _pendingFaults.Remove(fault);
        _output.Add($"simulation: fault injected into {self.Name} at step {Steps} ({self.LastPoint})");
        return true;
    }

    // The strategy picks among enabled threads; with none, time moves to the next timer or timeout.
    private ControlledThread? PickLocked(ControlledThread? current, string point, string? subject)
    {
        while (true)
        {
            _enabled.Clear();
            foreach (var thread in _threads)
            {
                if (thread.IsEnabled(Now))
                {
                    _enabled.Add(thread);
                }
            }

            if (_enabled.Count > 0)
            {
                var pick = _enabled.Count == 1 ? _enabled[0] : _strategy.Pick(_enabled, current, Steps);
                pick.State = ThreadRunState.Ready;
                pick.Until = null;
                pick.Deadline = long.MaxValue;
                pick.WaitingFor = null;
                pick.WaitTarget = null;
                if (_options.RecordTrace)
                {
                    _decisions.Add(new Decision(Steps, current?.Name, point, subject, pick.Name));
                }

                _traceHash = (_traceHash ^ (ulong)pick.Id) * 1099511628211UL;
                return pick;
            }

            if (_threads.All(t => t.Daemon || t.State == ThreadRunState.Done))
            {
                _completed = true;
                EnterFreeLocked();
                _ended.Set();
                return null;
            }

            var next = _threads.Where(t => t.State == ThreadRunState.Blocked).Select(t => t.Deadline)
                .Concat(_timers.Select(t => t.Due)).DefaultIfEmpty(long.MaxValue).Min();
            if (next == long.MaxValue)
            {
                FailLocked(SimulationFailureKind.Deadlock, "deadlock: every thread is blocked and no timer is pending; " + WaitForLocked());
                return null;
            }

            if (next > _options.MaxVirtualTime.Ticks)
            {
                FailLocked(SimulationFailureKind.Livelock, $"virtual time would pass {_options.MaxVirtualTime} (the system never ends); " + WaitForLocked());
                return null;
            }

            Now = Math.Max(Now, next);
        }
    }

    /// <summary>The wait-for graph as it stands: each blocked thread and what it waits for.</summary>
    private string WaitForLocked() =>
        "wait-for graph: " + string.Join("; ", _threads.Where(t => !t.Daemon && t.State == ThreadRunState.Blocked).Select(t => $"{t.Name} -> {t.WaitingFor}{(t.WaitTarget?.Holder is { } holder ? " held by " + holder.Name : "")}"));

    private void FailLocked(SimulationFailureKind kind, string message)
    {
        if (Failure == SimulationFailureKind.None)
        {
            Failure = kind;
            FailureMessage = message;
            FailureStep = Steps;
            _output.Add($"simulation: {kind} at step {Steps}: {message}");
        }

        EnterFreeLocked();
        _ended.Set();
    }

    private void EnterFreeLocked()
    {
        _free = true;
        foreach (var thread in _threads.Where(t => t.AtGate))
        {
            thread.Gate.Release();
        }
    }

    private readonly record struct Decision(int Step, string? From, string Point, string? Subject, string To);
}

internal enum BlockResult
{
    Satisfied,
    TimedOut,
    Free,
}
