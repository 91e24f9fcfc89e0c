using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using UxRt.Camkes.Runtime.Components;
using UxRt.Camkes.Runtime.Dataports;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Notifications;

namespace UxRt.Camkes.Benchmarks.Runtime;

// The component code of Bench.camkes. The client components have no control thread: they hand
// their generated ends to the benchmark thread, which makes the calls a control thread would.

public sealed class Caller : CallerBase
{
    public IAdder RpcEnd => Rpc;

    public IAdder PassiveEnd => Passive;

    public IAdder DirectEnd => Direct;

    public IAdder MarshalledEnd => Marshalled;

    protected override void Init() => BenchInstances.Register(this);
}

public sealed class Server : ServerBase
{
    protected override int RpcAdd(int a, int b) => a + b;

    protected override int PassiveAdd(int a, int b) => a + b;

    protected override int DirectAdd(int a, int b) => a + b;

    protected override int MarshalledAdd(int a, int b) => a + b;
}

public sealed class Worker : WorkerBase
{
    public IAdder AdderEnd => Adder;

    protected override void Init() => BenchInstances.Register(this);
}

public sealed class Sink : SinkBase
{
    protected override int AdderAdd(int a, int b) => a + b;
}

public sealed class Pinger : PingerBase
{
    public EventEmitter PingEnd => Ping;

    public Notification PongEnd => Pong;

    public Dataport SmallEnd => Small;

    public Dataport LargeEnd => Large;

    protected override void Init() => BenchInstances.Register(this);
}

/// <summary>Echoes every ping with a pong on its control thread until the system stops.</summary>
public sealed class Ponger : PongerBase
{
    protected override void Run()
    {
        while (!StopRequested.IsCancellationRequested)
        {
            try
            {
                Ping.Wait(StopRequested);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            Pong.Emit();
        }
    }
}

/// <summary>What a user would write instead of a connection: the implementation called through its interface.</summary>
public sealed class PlainAdder : IAdder
{
    // Not inlined, so the baseline is a real call whose result the caller consumes.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int Add(int a, int b) => a + b;
}

/// <summary>The running <c>Bench</c> system and its client instances, found by name.</summary>
public sealed class BenchInstances : IDisposable
{
    private static readonly ConcurrentDictionary<string, Component> Started = new();

    private readonly SystemKernel _kernel;

    public BenchInstances()
    {
        Started.Clear();
        _kernel = BenchSystem.Create();
        _kernel.Start();
    }

    public T Get<T>(string name)
        where T : Component => (T)Started[name];

    public void Dispose() => _kernel.Stop();

    internal static void Register(Component component) => Started[component.InstanceName] = component;
}
