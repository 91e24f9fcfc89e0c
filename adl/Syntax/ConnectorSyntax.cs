using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Adl.Syntax;

public sealed record ConnectorSyntax(
    SourceLocation Location,
    string Name,
    EquatableArray<ConnectorEndSyntax> Ends,
    EquatableArray<AttributeSyntax> Attributes) : DefinitionSyntax(Location);

public enum ConnectorEndRole
{
    From,
    To,
}

public enum ConnectorEndKind
{
    Procedure,
    Event,
    Dataport,
}

/// <summary>
/// <c>from|to [hardware] Procedure(s)|Event(s)|Dataport(s) [with N threads];</c>
/// The plural form allows several ends on that side of a connection.
/// </summary>
public sealed record ConnectorEndSyntax(
    SourceLocation Location,
    ConnectorEndRole Role,
    ConnectorEndKind Kind,
    bool AllowsMany,
    bool IsHardware,
    ExpressionSyntax? Threads);
