namespace UxRt.Camkes.Runtime.Threading;

/// <summary>The CPU as a synchronization context: <c>await</c> continuations are posted to its run queue.</summary>
internal sealed class VirtualCpuSynchronizationContext(VirtualCpu cpu) : SynchronizationContext
{
    public VirtualCpu Cpu => cpu;

    public override void Post(SendOrPostCallback d, object? state) => cpu.Post(d, state);

    public override void Send(SendOrPostCallback d, object? state) => cpu.Invoke(() => d(state));

    public override SynchronizationContext CreateCopy() => this;
}
