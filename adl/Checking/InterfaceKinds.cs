using UxRt.Camkes.Adl.Syntax;

namespace UxRt.Camkes.Adl.Checking;

/// <summary>How interface kinds are written and which connector end kind each one plugs into.</summary>
internal static class InterfaceKinds
{
    public static string Keyword(InterfaceKind kind) => kind switch
    {
        InterfaceKind.Provides => "provides",
        InterfaceKind.Uses => "uses",
        InterfaceKind.Emits => "emits",
        InterfaceKind.Consumes => "consumes",
        InterfaceKind.Dataport => "dataport",
        InterfaceKind.Mutex => "has mutex",
        InterfaceKind.Semaphore => "has semaphore",
        _ => "has binary_semaphore",
    };

    /// <summary>The interface kind a connector end of <paramref name="kind"/> takes on <paramref name="role"/>'s side.</summary>
    public static InterfaceKind Expected(ConnectorEndKind kind, ConnectorEndRole role) => kind switch
    {
        ConnectorEndKind.Procedure => role == ConnectorEndRole.From ? InterfaceKind.Uses : InterfaceKind.Provides,
        ConnectorEndKind.Event => role == ConnectorEndRole.From ? InterfaceKind.Emits : InterfaceKind.Consumes,
        _ => InterfaceKind.Dataport,
    };

    /// <summary>Interfaces that CAmkES lets be marked <c>maybe</c>, and so must be connected otherwise.</summary>
    public static bool MustBeConnected(InterfaceKind kind) => kind is InterfaceKind.Uses or InterfaceKind.Consumes or InterfaceKind.Dataport;

    /// <summary>Only a provided procedure may serve several connections; anything else would be ambiguous.</summary>
    public static bool MayServeSeveralConnections(InterfaceKind kind) => kind == InterfaceKind.Provides;
}
