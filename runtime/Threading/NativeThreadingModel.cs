namespace UxRt.Camkes.Runtime.Threading;

/// <summary>CAmkES's own model: each thread of a component is an OS thread.</summary>
public sealed class NativeThreadingModel : IThreadingModel
{
    public static readonly NativeThreadingModel Instance = new();

    private NativeThreadingModel()
    {
    }

    public VirtualCpu? VirtualCpu => null;

    public IComponentThread Start(string name, ThreadSettings settings, Action body)
    {
        // Background threads: a stuck component thread must never keep the process alive after Stop.
        var thread = new Thread(() => body(), settings.StackSize) { Name = name, IsBackground = true };
        TrySetPriority(thread, settings.OsPriority);
        thread.Start();
        return new NativeComponentThread(name, settings, thread);
    }

    // A native thread may block, so an async body simply runs to completion on its own OS thread.
    public IComponentThread StartAsync(string name, ThreadSettings settings, Func<Task> body) =>
        Start(name, settings, () => body().GetAwaiter().GetResult());

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

    private sealed class NativeComponentThread(string name, ThreadSettings settings, Thread thread) : IComponentThread
    {
        public string Name => name;

        public ThreadSettings Settings => settings;

        public bool IsAlive => thread.IsAlive;

        public bool Join(TimeSpan timeout) => thread == Thread.CurrentThread || thread.Join(timeout);
    }
}
