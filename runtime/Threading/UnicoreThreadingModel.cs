using System.ComponentModel;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Glue;

/// <summary>
/// The "unicore" model (docs/architecture.md, "Threading models") (<c>inst.threading = "unicore";</c>): the instance owns one
/// <see cref="VirtualCpu"/>, and each of its threads is a lightweight thread on it: an async
/// method whose every step runs on the CPU's one OS thread, so code that must live on a single
/// thread (a rump kernel, an event loop, thread-local state) can be hosted.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class UnicoreThreadingModel : IThreadingModel
{
    /// <param name="instance">The instance the CPU belongs to.</param>
    /// <param name="holdLimit">The watchdog's limit for one work item (<c>cpu_hold_limit_ms</c>); null for the default.</param>
    public UnicoreThreadingModel(string instance, TimeSpan? holdLimit = null) => Cpu = new VirtualCpu(instance, holdLimit);

    public VirtualCpu Cpu { get; }

    VirtualCpu? IThreadingModel.VirtualCpu => Cpu;

    // Priority and stack size have no meaning for a lightweight thread: the CPU's one thread runs them all.
    public IComponentThread Start(string name, ThreadSettings settings, Action body) =>
        StartAsync(name, settings, () =>
        {
            body();
            return Task.CompletedTask;
        });

    public IComponentThread StartAsync(string name, ThreadSettings settings, Func<Task> body) =>
        new LightweightThread(name, settings, Cpu.Spawn(name, body));

    /// <summary>A thread of a unicore component: a task on its CPU.</summary>
    private sealed class LightweightThread(string name, ThreadSettings settings, Task task) : IComponentThread
    {
        public string Name => name;

        public ThreadSettings Settings => settings;

        public bool IsAlive => !task.IsCompleted;

        public bool Join(TimeSpan timeout)
        {
            // A virtual CPU must never wait, least of all for work queued behind it.
            if (VirtualCpu.Current is not null)
            {
                return task.IsCompleted;
            }

            try
            {
                return Simulation.Controlled.Wait(task, timeout, "the end of", name);
            }
            catch (AggregateException)
            {
                // A thread that ended by throwing has ended; the kernel reported the fault already.
                return true;
            }
        }
    }
}
