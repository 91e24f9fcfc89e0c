namespace UxRt.Camkes.Remote;

/// <summary>
/// The cause of a caller's <see cref="UxRt.Camkes.Runtime.Faults.ComponentFaultException"/> for a
/// call to another node: the exception a handler threw there (its type's name and message travel,
/// the object itself cannot), or what the transport found (<see cref="Kind"/>).
/// </summary>
public sealed class RemoteFaultException : Exception
{
    /// <summary>A handler's exception on another node.</summary>
    public RemoteFaultException(string exceptionType, string message)
        : base(message)
    {
        ExceptionType = exceptionType;
        Kind = RemoteFaultKind.HandlerFault;
    }

    /// <summary>A failure of the call itself, not of its handler.</summary>
    public RemoteFaultException(RemoteFaultKind kind, string message)
        : base(message)
    {
        ExceptionType = "";
        Kind = kind;
    }

    /// <summary>The full name of the exception's type on the node that threw it; empty when the handler threw nothing.</summary>
    public string ExceptionType { get; }

    /// <summary>What became of the call.</summary>
    public RemoteFaultKind Kind { get; }
}
