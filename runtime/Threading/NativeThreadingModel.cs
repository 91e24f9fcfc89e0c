using UxRt.Camkes.Runtime.Scheduling;

namespace UxRt.Camkes.Runtime.Threading;

/// <summary>CAmkES's own model: each thread of a component is an OS thread.</summary>
internal sealed class NativeThreadingModel : IThreadingModel
{
    public static readonly NativeThreadingModel Instance = new();

    private NativeThreadingModel()
    {
    }

    public VirtualCpu? VirtualCpu => null;

    public IComponentThread Start(string name, ThreadSettings settings, Action body)
    {
        // Simulated: a controlled thread, which runs only when the schedule says (placement has no meaning there).
        if (Simulation.Controlled.Scheduler is { } simulation)
        {
            return new Simulation.SimulatedComponentThread(simulation.StartThread(name, () =>
            {
                Synchronisation.LockOwner.Begin(name);
                body();
            }), settings);
        }

        // The thread pins and re-nices itself first (only it knows its native id); Start returns once it has.
        var placement = new ThreadPlacement(name, settings, isVirtualCpu: false);
        var placed = new ManualResetEventSlim();

        // Background threads: a stuck component thread must never keep the process alive after Stop.
        var thread = new Thread(() =>
        {
            try
            {
                placement.ApplyOnCurrentThread();
            }
            finally
            {
                placed.Set();
            }

            // A thread inherits its starter's async flow; what the starter holds is not the new thread's.
            Synchronisation.LockOwner.Begin(name);
            body();
        }, settings.StackSize) { Name = name, IsBackground = true };
        TrySetPriority(thread, settings.OsPriority);
        thread.Start();
        if (placed.Wait(PlacementBound))
        {
            placed.Dispose();
        }

        return new NativeComponentThread(name, settings, thread, placement);
    }

    // Applying the settings is a few system calls; the bound only keeps a starved machine from stalling the starter.
    private static readonly TimeSpan PlacementBound = TimeSpan.FromSeconds(5);

    // A native thread may block, so an async body simply runs to completion on its own OS thread.
    public IComponentThread StartAsync(string name, ThreadSettings settings, Func<Task> body) =>
        Start(name, settings, Simulation.Controlled.IsOn ? () => Simulation.Controlled.RunPumped(body) : () => body().GetAwaiter().GetResult());

    private static void TrySetPriority(Thread thread, ThreadPriority priority)
    {
        if (priority == ThreadPriority.Normal)
        {
            return;
        }

        try
        {
            thread.Priority = priority;
        }
        catch (ThreadStateException)
        {
            // Best effort by design: a platform that refuses priorities runs the thread at its default.
        }
    }

    private sealed class NativeComponentThread(string name, ThreadSettings settings, Thread thread, ThreadPlacement placement) : IComponentThread, IPlacedThread
    {
        public ThreadPlacement Placement => placement;

        public string Name => name;

        public ThreadSettings Settings => settings;

        public bool IsAlive => thread.IsAlive;

        public bool Join(TimeSpan timeout) => thread == Thread.CurrentThread || thread.Join(timeout);
    }
}
