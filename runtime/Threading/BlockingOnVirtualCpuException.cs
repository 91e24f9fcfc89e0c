namespace UxRt.Camkes.Runtime.Threading;

/// <summary>
/// A blocking kernel operation was called on a virtual CPU. Blocking there would freeze every
/// lightweight thread of the component, so the operation refuses at once instead of hanging.
/// </summary>
public sealed class BlockingOnVirtualCpuException : InvalidOperationException
{
    public BlockingOnVirtualCpuException(string instance, string operation, string alternative)
        : base($"'{instance}' runs on a virtual CPU (threading = \"unicore\"), where {operation} would block the whole component; {alternative}")
    {
        Instance = instance;
        Operation = operation;
    }

    /// <summary>The unicore instance whose CPU the call was made on.</summary>
    public string Instance { get; }

    public string Operation { get; }

    /// <summary>Throws when the current thread is a virtual CPU.</summary>
    /// <param name="operation">What would have blocked, e.g. <c>waiting on a notification set</c>.</param>
    /// <param name="alternative">What to write instead, e.g. <c>await WaitAsync()</c>.</param>
    public static void ThrowIfOnCpu(string operation, string alternative)
    {
        if (VirtualCpu.Current is { } cpu)
        {
            throw new BlockingOnVirtualCpuException(cpu.Name, operation, alternative);
        }
    }

    /// <summary>
    /// Like <see cref="ThrowIfOnCpu(string, string)"/> for an operation on a named object
    /// (<c>locking mutex 'm'</c>): the message is only built when it throws, so native threads,
    /// which pass this check on every wait, pay nothing for it.
    /// </summary>
    public static void ThrowIfOnCpu(string operation, string objectName, string alternative)
    {
        if (VirtualCpu.Current is { } cpu)
        {
            throw new BlockingOnVirtualCpuException(cpu.Name, $"{operation} '{objectName}'", alternative);
        }
    }
}
