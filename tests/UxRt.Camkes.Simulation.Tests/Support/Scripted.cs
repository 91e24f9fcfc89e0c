using UxRt.Camkes.Runtime.Components;
using UxRt.Camkes.Runtime.Glue;

namespace UxRt.Camkes.Simulation.Tests.Support;

/// <summary>A component whose control thread runs a script: small systems built by hand, without a spec.</summary>
public sealed class Scripted(Action<Scripted> run) : Component
{
    public CancellationToken Stop => StopRequested;

    public Task Delay(TimeSpan delay) => DelayAsync(delay);

    public Task Thread(string name, Func<Task> body) => StartThread(name, body);

    public IDisposable Timer(TimeSpan period, Action tick) => StartTimer(period, tick);

    protected override void Run() => run(this);
}

/// <summary>A unicore component whose control thread is an async script on its virtual CPU.</summary>
[UxRt.Camkes.Runtime.Threading.UnicoreComponent]
public sealed class ScriptedAsync(Func<ScriptedAsync, Task> run) : Component
{
    public CancellationToken Stop => StopRequested;

    public Task Delay(TimeSpan delay) => DelayAsync(delay);

    protected override Task RunAsync() => run(this);
}

public static class Systems
{
    public static InstanceOptions Control => new() { HasControl = true };
}
