namespace UxRt.Camkes.Remote;

/// <summary>
/// The exception a handler threw on another node, as the cause of the caller's
/// <see cref="UxRt.Camkes.Runtime.Faults.ComponentFaultException"/>: its type's name and message
/// travel, the object itself cannot.
/// </summary>
public sealed class RemoteFaultException : Exception
{
    public RemoteFaultException(string exceptionType, string message)
        : base(message)
    {
        ExceptionType = exceptionType;
    }

    /// <summary>The full name of the exception's type on the node that threw it.</summary>
    public string ExceptionType { get; }
}
