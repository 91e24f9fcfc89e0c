using System.ComponentModel;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Glue;

/// <summary>
/// How a component's threads are run. The kernel starts every control, interface and event thread
/// (and those a component starts itself) through its instance's model: <see cref="NativeThreadingModel"/>
/// gives each an OS thread, <see cref="UnicoreThreadingModel"/> makes each a lightweight thread on
/// the instance's one <see cref="Threading.VirtualCpu"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IThreadingModel
{
    /// <summary>The CPU every piece of the component's code runs on; null when its threads run freely.</summary>
    VirtualCpu? VirtualCpu { get; }

    /// <summary>Starts <paramref name="body"/>, which never waits, as a thread of the component.</summary>
    IComponentThread Start(string name, ThreadSettings settings, Action body);

    /// <summary>Starts <paramref name="body"/>, which may await, as a thread of the component.</summary>
    IComponentThread StartAsync(string name, ThreadSettings settings, Func<Task> body);
}
