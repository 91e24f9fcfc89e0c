namespace UxRt.Camkes.Runtime.Faults;

/// <summary>
/// A component failed while serving a call: raised on the caller's side so that it learns which
/// instance, interface and method failed. The server keeps serving.
/// </summary>
public sealed class ComponentFaultException : Exception
{
    public ComponentFaultException(string instance, string interfaceName, string method, Exception fault)
        : base($"{instance}.{interfaceName}.{method} faulted: {fault.GetType().Name}: {fault.Message}", fault)
    {
        Instance = instance;
        Interface = interfaceName;
        Method = method;
    }

    public ComponentFaultException(string instance, string interfaceName, string method, string reason)
        : base($"{instance}.{interfaceName}.{method} failed: {reason}")
    {
        Instance = instance;
        Interface = interfaceName;
        Method = method;
    }

    // A fault raised on another node and relayed to this one: the message is the original's, word for word.
    internal ComponentFaultException(string instance, string interfaceName, string method, string message, Exception? cause)
        : base(message, cause)
    {
        Instance = instance;
        Interface = interfaceName;
        Method = method;
    }

    public string Instance { get; }

    public string Interface { get; }

    public string Method { get; }
}
