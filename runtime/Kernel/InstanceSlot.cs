using UxRt.Camkes.Runtime.Components;
using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Notifications;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Kernel;

/// <summary>The kernel's record of one instance: the component, how to run it and what it runs now.</summary>
internal sealed class InstanceSlot(string name, Component component, InstanceOptions options)
{
    public string Name { get; } = name;

    public Component Component { get; } = component;

    public InstanceOptions Options { get; } = options;

    /// <summary>The instance's virtual CPU when it is unicore; null when native.</summary>
    public VirtualCpu? Cpu => Options.Threading.VirtualCpu;

    /// <summary>Created with the instance's first consumed notification.</summary>
    public EventLoop? EventLoop { get; set; }

    public IFaultHandler? FaultHandler { get; set; }

    /// <summary>The fault handler's virtual CPU when it is a unicore instance: its code runs only there.</summary>
    public VirtualCpu? FaultHandlerCpu { get; set; }

    /// <summary>Set once <c>Init</c> has failed: the instance's threads are not started.</summary>
    public bool InitFailed { get; set; }

    public int Restarts { get; set; }

    /// <summary>The instance's current life, from its first <c>Init</c> on; null before the system starts.</summary>
    public Incarnation? Incarnation { get; set; }

    /// <summary>The incarnation the running control thread belongs to, so a restart starts one control thread, not two.</summary>
    public Incarnation? ControlIncarnation { get; set; }

    /// <summary>Ties <paramref name="registration"/> to the current incarnation, so a restart unregisters it; made before the first <c>Init</c>, it is the host's and stays.</summary>
    public void Own(IDisposable registration) => Incarnation?.Own(registration);
}
