namespace UxRt.Camkes.Runtime.Threading;

/// <summary>
/// DESIGN.md's "unicore" model (<c>inst.threading = "unicore";</c>): every thread of the component
/// runs on one <see cref="VirtualCpu"/>, so only one runs at a time, as on a uniprocessor. Each is
/// an OS thread underneath; the kernel's waits and calls out give the CPU up while they block.
/// </summary>
public sealed class UnicoreThreadingModel : IThreadingModel
{
    public UnicoreThreadingModel(string instance) => Cpu = new VirtualCpu(instance);

    public VirtualCpu Cpu { get; }

    VirtualCpu? IThreadingModel.VirtualCpu => Cpu;

    public IComponentThread Start(string name, ThreadSettings settings, Action body) =>
        NativeThreadingModel.Instance.Start(name, settings, () =>
        {
            using (Cpu.Enter())
            {
                body();
            }
        });
}
