namespace UxRt.Camkes.Runtime.Faults;

/// <summary>A notification callback threw on its component's event thread.</summary>
public sealed class CallbackFaultException(string notification, Exception fault)
    : Exception($"callback of notification '{notification}' faulted: {fault.GetType().Name}: {fault.Message}", fault)
{
    public string Notification { get; } = notification;
}
