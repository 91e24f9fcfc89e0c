using UxRt.Camkes.Runtime.Glue;

namespace UxRt.Camkes.Remote;

/// <summary>Names an imported procedure's methods for fault reports, as its dispatcher would on the server's node.</summary>
internal sealed class MethodNames(IReadOnlyList<string> names) : IProcedureDispatcher
{
    public string MethodName(int index) => (uint)index < (uint)names.Count ? names[index] : $"#{index}";
}
