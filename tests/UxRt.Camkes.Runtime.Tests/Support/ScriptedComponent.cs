using System.Collections.Concurrent;
using UxRt.Camkes.Runtime.Components;

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

    public int InitCount => Volatile.Read(ref _initCount);

    public int RunCount => Volatile.Read(ref _runCount);

    public Thread? RunThread { get; private set; }

    public CancellationToken Stop => StopRequested;

    public void StopSystem() => RequestSystemStop();

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
}
