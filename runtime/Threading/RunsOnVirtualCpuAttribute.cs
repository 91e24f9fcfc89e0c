namespace UxRt.Camkes.Runtime.Threading;

/// <summary>
/// Marks a helper class whose code runs on a unicore component's virtual CPU (it is called only
/// from such a component). The unicore analyzer checks it, and the classes nested in it, as it
/// checks the component itself.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false, AllowMultiple = false)]
public sealed class RunsOnVirtualCpuAttribute : Attribute
{
}
