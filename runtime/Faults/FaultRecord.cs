namespace UxRt.Camkes.Runtime.Faults;

/// <summary>An unhandled exception on a component's thread: which instance, which thread, what.</summary>
public sealed record FaultRecord(string Instance, string Thread, Exception Exception)
{
    public override string ToString() => $"fault in {Instance} ({Thread}): {Exception.GetType().Name}: {Exception.Message}";
}
