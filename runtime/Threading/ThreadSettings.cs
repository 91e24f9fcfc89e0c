namespace UxRt.Camkes.Runtime.Threading;

/// <summary>
/// How one runtime thread should be run, from the specification's <c>priority</c>,
/// <c>&lt;iface&gt;_priority</c>, <c>affinity</c> and <c>_stack_size</c> settings.
/// </summary>
/// <param name="Priority">seL4 priority 0–255, mapped best-effort onto <see cref="ThreadPriority"/>; null leaves the OS default.</param>
/// <param name="Affinity">The CPU the specification asked for. Recorded only: .NET cannot pin a single managed thread.</param>
/// <param name="StackSize">Maximum stack size in bytes; 0 for the runtime's default.</param>
public readonly record struct ThreadSettings(int? Priority = null, int? Affinity = null, int StackSize = 0)
{
    /// <summary>The OS priority that <see cref="Priority"/> maps to.</summary>
    public ThreadPriority OsPriority => PriorityMapping.ToOsPriority(Priority);
}
