using System.Collections.Concurrent;
using UxRt.Camkes.Runtime.Components;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Tests.Support;

/// <summary>A component whose Init and Run are supplied by the test, recording what the kernel did with it.</summary>
internal sealed class ScriptedComponent : Component
{
    private readonly ConcurrentQueue<string>? _journal;
    private int _initCount;
    private int _runCount;

    public ScriptedComponent(ConcurrentQueue<string>? journal = null) => _journal = journal;

    public Action<ScriptedComponent>? OnInit { get; init; }

    public Action<ScriptedComponent>? OnRun { get; init; }

    /// <summary>The control thread of a unicore component, which may await; when set it replaces <see cref="OnRun"/>.</summary>
    public Func<ScriptedComponent, Task>? OnRunAsync { get; init; }

    public int InitCount => Volatile.Read(ref _initCount);

    public int RunCount => Volatile.Read(ref _runCount);

    public Thread? RunThread { get; private set; }

    public CancellationToken Stop => StopRequested;

    /// <summary>The instance's virtual CPU when it is unicore.</summary>
    public new VirtualCpu? Cpu => base.Cpu;

    public void StopSystem() => RequestSystemStop();

    public new Task StartThread(string name, Func<Task> body) => base.StartThread(name, body);

    public new Task DelayAsync(TimeSpan delay) => base.DelayAsync(delay);

    public new IDisposable StartTimer(TimeSpan period, Action tick) => base.StartTimer(period, tick);

    protected internal override void Init()
    {
        Interlocked.Increment(ref _initCount);
        _journal?.Enqueue($"init {InstanceName}");
        OnInit?.Invoke(this);
    }

    protected internal override void Run()
    {
        Interlocked.Increment(ref _runCount);
        RunThread = Thread.CurrentThread;
        _journal?.Enqueue($"run {InstanceName}");
        OnRun?.Invoke(this);
    }

    protected internal override Task RunAsync()
    {
        if (OnRunAsync is null)
        {
            return base.RunAsync();
        }

        Interlocked.Increment(ref _runCount);
        RunThread = Thread.CurrentThread;
        _journal?.Enqueue($"run {InstanceName}");
        return OnRunAsync(this);
    }
}
