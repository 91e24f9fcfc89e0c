using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Adl.Syntax;

public sealed record AssemblySyntax(
    SourceLocation Location,
    string? Name,
    EquatableArray<CompositionSyntax> Compositions,
    EquatableArray<ConfigurationSyntax> Configurations,
    EquatableArray<NamedReferenceSyntax> CompositionReferences,
    EquatableArray<NamedReferenceSyntax> ConfigurationReferences) : DefinitionSyntax(Location);

/// <summary><c>composition Name;</c> or <c>configuration Name;</c>: a top-level one used by name.</summary>
public sealed record NamedReferenceSyntax(SourceLocation Location, string Name);

public sealed record CompositionSyntax(
    SourceLocation Location,
    string? Name,
    EquatableArray<InstanceSyntax> Instances,
    EquatableArray<GroupSyntax> Groups,
    EquatableArray<ConnectionSyntax> Connections,
    EquatableArray<ExportSyntax> Exports) : DefinitionSyntax(Location);

/// <summary><c>component Type name;</c>, or <c>component { ... } name;</c> with <see cref="InlineComponent"/> set.</summary>
public sealed record InstanceSyntax(SourceLocation Location, string ComponentType, string Name)
{
    public ComponentSyntax? InlineComponent { get; init; }

    /// <summary>Where the component type is written, for "unknown component" (defaults to the instance name).</summary>
    public SourceLocation TypeLocation { get; init; } = Location;
}

/// <summary><c>group name { component T a; ... }</c>: instances that share one address space in CAmkES.</summary>
public sealed record GroupSyntax(SourceLocation Location, string? Name, EquatableArray<InstanceSyntax> Instances);

/// <summary><c>connection Connector name(from a.x, to b.y, ...);</c></summary>
public sealed record ConnectionSyntax(
    SourceLocation Location,
    string ConnectorName,
    string Name,
    EquatableArray<ConnectionEndSyntax> Ends,
    SourceLocation ConnectorLocation)
{
    /// <summary>Set for <c>connection { from ...; to ...; } name(...)</c>, whose connector has no name of its own.</summary>
    public ConnectorSyntax? InlineConnector { get; init; }
}

/// <summary>
/// One end: the role and a dotted path whose last part is the interface and the rest names the
/// instance (several parts for an interface of a nested instance).
/// </summary>
public sealed record ConnectionEndSyntax(SourceLocation Location, ConnectorEndRole Role, EquatableArray<string> Path)
{
    public string Interface => Path[Path.Count - 1];

    public string Instance => string.Join(".", System.Linq.Enumerable.Take(Path, Path.Count - 1));
}

/// <summary><c>export inner.iface -> outer_iface;</c> inside a component's composition.</summary>
public sealed record ExportSyntax(SourceLocation Location, EquatableArray<string> InnerPath, string OuterInterface);

public sealed record ConfigurationSyntax(SourceLocation Location, string? Name, EquatableArray<SettingSyntax> Settings) : DefinitionSyntax(Location);

/// <summary>
/// <c>target.attribute = value;</c> or <c>target.attribute &lt;- other.attribute["key"]...;</c>.
/// <see cref="Target"/> is everything before the last dot (empty for a bare name).
/// </summary>
public sealed record SettingSyntax(
    SourceLocation Location,
    string Target,
    string Attribute,
    ValueSyntax? Value,
    EquatableArray<string> Reference,
    EquatableArray<ValueSyntax> ReferenceKeys)
{
    public bool IsReference => Value is null;

    public string QualifiedName => Target.Length == 0 ? Attribute : Target + "." + Attribute;
}
