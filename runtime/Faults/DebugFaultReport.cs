namespace UxRt.Camkes.Runtime.Faults;

/// <summary>
/// The line CAmkES's debug fault handler prints for a fault no handler of the spec takes
/// ("FAULT HANDLER: data fault from c.control ..."), so a ported app's output, and the tests
/// that wait for it, read the same. Here the fault is the exception that ended the thread.
/// </summary>
internal static class DebugFaultReport
{
    public const string Prefix = "FAULT HANDLER: ";

    public static string Describe(FaultRecord fault) =>
        $"{Prefix}{fault.Exception.GetType().Name} from {fault.Thread} (instance {fault.Instance}): {fault.Exception.Message}";
}
