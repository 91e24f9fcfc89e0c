using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Adl.Syntax;

public sealed record ComponentSyntax(
    SourceLocation Location,
    string Name,
    bool IsControl,
    bool IsHardware,
    EquatableArray<InterfaceSyntax> Interfaces,
    EquatableArray<AttributeSyntax> Attributes,
    EquatableArray<CompositionSyntax> Compositions,
    EquatableArray<ConfigurationSyntax> Configurations,
    EquatableArray<NamedReferenceSyntax> CompositionReferences,
    EquatableArray<NamedReferenceSyntax> ConfigurationReferences) : DefinitionSyntax(Location)
{
    /// <summary>
    /// A component with a composition is built from others. Its inner instances are flattened
    /// into the system; it stays an instance itself only when it has code of its own (see
    /// <c>SystemFlattener.HasOwnCode</c>).
    /// </summary>
    public bool IsCompound => !Compositions.IsEmpty || !CompositionReferences.IsEmpty;

    /// <summary>The comment written above it in the spec, line by line without the comment markers (see <c>SpecComments</c>).</summary>
    public EquatableArray<string> Doc { get; init; } = EquatableArray<string>.Empty;
}

public enum InterfaceKind
{
    Provides,
    Uses,
    Emits,
    Consumes,
    Dataport,
    Mutex,
    Semaphore,
    BinarySemaphore,
}

/// <summary>
/// One port of a component. <see cref="TypeName"/> is the procedure, event or dataport type
/// (<c>Buf</c> for a plain buffer); <see cref="DataportSize"/> is the <c>Buf(n)</c> size when given.
/// </summary>
public sealed record InterfaceSyntax(
    SourceLocation Location,
    InterfaceKind Kind,
    string TypeName,
    string Name,
    bool IsOptional,
    TypeSyntax? DataportType,
    ExpressionSyntax? DataportSize);

/// <summary><c>attribute type name[] = default;</c></summary>
public sealed record AttributeSyntax(
    SourceLocation Location,
    TypeSyntax Type,
    string Name,
    bool IsArray,
    ValueSyntax? DefaultValue)
{
    /// <summary>The comment written above it in the spec, line by line without the comment markers (see <c>SpecComments</c>).</summary>
    public EquatableArray<string> Doc { get; init; } = EquatableArray<string>.Empty;
}
