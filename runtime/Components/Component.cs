using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Components;

/// <summary>
/// The base of every generated component base class. The runtime drives the lifecycle:
/// <see cref="Init"/> on every instance first, then the control thread (<see cref="Run"/>, or
/// <see cref="RunAsync"/> in a unicore component) of each component that declares <c>control;</c>.
/// A restart after a fault calls both again. In a unicore component all of it, and everything the
/// component starts, runs on its one virtual CPU.
/// </summary>
public abstract class Component
{
    private Action? _requestSystemStop;
    private IComponentServices? _services;

    /// <summary>The instance name from the specification (for example <c>client</c>).</summary>
    public string InstanceName { get; internal set; } = string.Empty;

    /// <summary>
    /// Signalled when the system is stopping, or when this instance is restarted after a fault (each
    /// incarnation, from one <see cref="Init"/> to the next, has its own); long-running
    /// <see cref="Run"/> loops and the threads the component starts should watch it.
    /// </summary>
    protected CancellationToken StopRequested { get; private set; }

    /// <summary>The virtual CPU this instance runs on when its threading is <c>unicore</c>; null for a native instance.</summary>
    protected VirtualCpu? Cpu => _services?.Cpu;

    /// <summary>Asks the kernel to stop the whole system in order, as Ctrl+C would; returns at once.</summary>
    protected void RequestSystemStop() => _requestSystemStop?.Invoke();

    /// <summary>
    /// Called before any control thread of the system starts, and again when the instance is
    /// restarted after a fault, so it should (re)set the component's state. Interfaces may not be
    /// called yet.
    /// </summary>
    protected internal virtual void Init()
    {
    }

    /// <summary>The body of the control thread; only called for components that declare <c>control;</c>.</summary>
    protected internal virtual void Run()
    {
    }

    /// <summary>
    /// The control thread as a lightweight thread: what a unicore component overrides, since it may
    /// await without holding its CPU. By default it runs <see cref="Run"/>.
    /// </summary>
    protected internal virtual Task RunAsync()
    {
        Run();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Starts a thread of this component, named <c>instance.name</c>: a lightweight thread on the
    /// CPU of a unicore component, an OS thread otherwise. Its exception is a fault of this
    /// instance. The task completes when the thread ends.
    /// </summary>
    protected Task StartThread(string name, Func<Task> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(body);
        return Services.StartThread(name, body);
    }

    /// <summary>
    /// Waits for <paramref name="delay"/> without holding a thread (on a virtual CPU only this
    /// lightweight thread parks). Ends early, with <see cref="OperationCanceledException"/>, when the system stops.
    /// </summary>
    protected Task DelayAsync(TimeSpan delay) => Task.Delay(delay, _services?.Time ?? TimeProvider.System, StopRequested);

    /// <summary>
    /// Blocks this native thread for <paramref name="duration"/> on the system's clock (virtual under
    /// simulation, where <see cref="Thread.Sleep(TimeSpan)"/> would be refused as blocking outside the
    /// kernel). Ends early, with <see cref="OperationCanceledException"/>, when the system stops.
    /// </summary>
    /// <exception cref="BlockingOnVirtualCpuException">Called on a virtual CPU: await <see cref="DelayAsync"/> there.</exception>
    protected void Sleep(TimeSpan duration)
    {
        BlockingOnVirtualCpuException.ThrowIfOnCpu("sleeping", InstanceName, "await DelayAsync() instead");
        Simulation.Controlled.Sleep(duration, StopRequested);
    }

    /// <summary>
    /// Calls <paramref name="tick"/> every <paramref name="period"/> until the returned handle is
    /// disposed or the system stops: on this component's CPU when it is unicore, on a timer thread
    /// otherwise. Its exception is a fault of this instance.
    /// </summary>
    protected IDisposable StartTimer(TimeSpan period, Action tick)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(tick);
        return Services.StartTimer(period, tick);
    }

    internal void Attach(string instanceName, CancellationToken stopRequested, Action requestSystemStop, IComponentServices services)
    {
        InstanceName = instanceName;
        StopRequested = stopRequested;
        _requestSystemStop = requestSystemStop;
        _services = services;
    }

    /// <summary>A new incarnation begins (the first <c>Init</c> or a restart's): its threads watch <paramref name="stopRequested"/>.</summary>
    internal void BeginIncarnation(CancellationToken stopRequested) => StopRequested = stopRequested;

    private IComponentServices Services =>
        _services ?? throw new InvalidOperationException($"component '{GetType().Name}' has not been added to a system yet");
}

/// <summary>What the kernel does for a component on request: the threads and timers it starts itself.</summary>
internal interface IComponentServices
{
    VirtualCpu? Cpu { get; }

    Task StartThread(string name, Func<Task> body);

    IDisposable StartTimer(TimeSpan period, Action tick);

    /// <summary>The system's clock: what delays and timers run on (virtual under simulation).</summary>
    TimeProvider Time { get; }
}
