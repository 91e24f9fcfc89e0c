namespace UxRt.Camkes.Runtime.Threading;

/// <summary>
/// How one runtime thread should be run, from the specification's <c>priority</c>,
/// <c>&lt;iface&gt;_priority</c>, <c>affinity</c> and <c>_stack_size</c> settings.
/// </summary>
/// <param name="Priority">seL4 priority 0–255, mapped best-effort onto <see cref="ThreadPriority"/>; null leaves the OS default.</param>
/// <param name="Affinity">The core the thread is pinned to (<c>affinity</c>): on Linux its CPU mask is set to that core; null leaves it free.</param>
/// <param name="StackSize">Maximum stack size in bytes; 0 for the runtime's default.</param>
/// <param name="Migratable">
/// <c>migratable</c>: the idle-core balancer may move the thread to an idle core even though it is
/// pinned (a native thread moves only when this is set; a virtual CPU also moves when it is not pinned).
/// </param>
public readonly record struct ThreadSettings(int? Priority = null, int? Affinity = null, int StackSize = 0, bool Migratable = false)
{
    /// <summary>The OS priority that <see cref="Priority"/> maps to.</summary>
    public ThreadPriority OsPriority => PriorityMapping.ToOsPriority(Priority);

    /// <summary>The Linux nice value that <see cref="Priority"/> maps to; null when no priority is set.</summary>
    public int? Nice => Priority is { } priority ? PriorityMapping.ToNice(priority) : null;
}
