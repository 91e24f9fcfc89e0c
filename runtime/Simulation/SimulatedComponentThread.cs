using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Simulation;

/// <summary>A native component thread under simulation: its OS thread runs only when scheduled, and joining it is a controlled wait.</summary>
internal sealed class SimulatedComponentThread(ControlledThread thread, ThreadSettings settings) : IComponentThread
{
    public string Name => thread.Name;

    public ThreadSettings Settings => settings;

    public bool IsAlive => thread.State != ThreadRunState.Done;

    public bool Join(TimeSpan timeout) => thread.Os == System.Threading.Thread.CurrentThread || Controlled.Join(thread.Os!, timeout);
}
