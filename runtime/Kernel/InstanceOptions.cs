using System.ComponentModel;
using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Glue;

/// <summary>How the kernel runs one instance, from its component type and its settings.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record InstanceOptions
{
    /// <summary>The component declares <c>control;</c>: <c>Run</c> gets a thread of its own.</summary>
    public bool HasControl { get; init; }

    /// <summary>The control thread (and event thread): <c>priority</c>, <c>affinity</c>, <c>_stack_size</c>.</summary>
    public ThreadSettings ControlThread { get; init; }

    /// <summary>What a fault on one of the instance's threads leads to (<c>fault_policy</c>); null for the kernel's default.</summary>
    public FaultPolicy? FaultPolicy { get; init; }

    /// <summary>How the instance's threads are run.</summary>
    public IThreadingModel Threading { get; init; } = NativeThreadingModel.Instance;
}
