namespace UxRt.Camkes.Runtime.Threading;

/// <summary>
/// How a component's threads are run. The kernel starts every control, interface and event thread
/// through its instance's model, so a model that multiplexes a component's threads on one virtual
/// CPU (DESIGN.md, "unicore") can be added beside <see cref="NativeThreadingModel"/>.
/// </summary>
public interface IThreadingModel
{
    /// <summary>
    /// The CPU a foreign thread must hold to run the component's code (a passive or direct call
    /// into it); null when the component's threads run freely.
    /// </summary>
    VirtualCpu? VirtualCpu { get; }

    /// <summary>Starts <paramref name="body"/> as a thread of the component.</summary>
    IComponentThread Start(string name, ThreadSettings settings, Action body);
}
