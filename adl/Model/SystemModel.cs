using UxRt.Camkes.Adl.Syntax;
using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Adl.Model;

/// <summary>
/// A resolved, checked and flattened system: what the emitters and the runtime work from.
/// Immutable and value-equal so that the incremental generator can tell when nothing changed.
/// </summary>
public sealed record SystemModel(
    string Name,
    string SourcePath,
    EquatableArray<ProcedureModel> Procedures,
    EquatableArray<StructModel> Structs,
    EquatableArray<ComponentModel> Components,
    EquatableArray<ConnectorModel> Connectors,
    EquatableArray<InstanceModel> Instances,
    EquatableArray<ConnectionModel> Connections,
    EquatableArray<SettingModel> Settings);

public sealed record ProcedureModel(string Name, EquatableArray<MethodModel> Methods, SourceLocation Location)
{
    /// <summary>The comment written above it in the spec, line by line (see <c>SpecComments</c>); empty without one.</summary>
    public EquatableArray<string> Doc { get; init; } = EquatableArray<string>.Empty;
}

/// <summary>A method; <see cref="ReturnType"/> is null for <c>void</c>.</summary>
public sealed record MethodModel(string Name, TypeModel? ReturnType, EquatableArray<ParameterModel> Parameters, SourceLocation Location)
{
    /// <summary>The comment written above it in the spec, line by line (see <c>SpecComments</c>); empty without one.</summary>
    public EquatableArray<string> Doc { get; init; } = EquatableArray<string>.Empty;
}

public sealed record ParameterModel(string Name, ParameterDirection Direction, TypeModel Type, bool IsArray);

/// <summary>A C type name as written (normalised spacing); <see cref="IsStruct"/> for <c>struct S</c>.</summary>
public sealed record TypeModel(string Name, bool IsStruct);

public sealed record StructModel(string Name, EquatableArray<StructFieldModel> Fields, SourceLocation Location);

public sealed record StructFieldModel(string Name, TypeModel Type, bool IsArray, long? ArrayLength);

public sealed record ComponentModel(
    string Name,
    bool IsControl,
    bool IsHardware,
    EquatableArray<InterfaceModel> Interfaces,
    EquatableArray<AttributeModel> Attributes,
    SourceLocation Location)
{
    /// <summary>The comment written above it in the spec, line by line (see <c>SpecComments</c>); empty without one.</summary>
    public EquatableArray<string> Doc { get; init; } = EquatableArray<string>.Empty;
}

/// <summary>
/// A port of a component type. For dataports <see cref="TypeName"/> is <c>Buf</c> or the struct type,
/// and <see cref="DataportSize"/> the size in bytes.
/// </summary>
public sealed record InterfaceModel(
    InterfaceKind Kind,
    string TypeName,
    string Name,
    bool IsOptional,
    long DataportSize,
    SourceLocation Location);

public sealed record AttributeModel(string Name, TypeModel Type, bool IsArray, ConfigValue? DefaultValue)
{
    /// <summary>Where the attribute is declared, for diagnostics about its generated property.</summary>
    public SourceLocation Location { get; init; }

    /// <summary>The comment written above it in the spec, line by line (see <c>SpecComments</c>); empty without one.</summary>
    public EquatableArray<string> Doc { get; init; } = EquatableArray<string>.Empty;
}

public sealed record ConnectorModel(
    string Name,
    ConnectorEndModel From,
    ConnectorEndModel To,
    SourceLocation Location)
{
    /// <summary>The connector's own attributes with their defaults (for example <c>disable_interface_type_checking</c>).</summary>
    public EquatableArray<AttributeModel> Attributes { get; init; } = EquatableArray<AttributeModel>.Empty;
}

public sealed record ConnectorEndModel(ConnectorEndKind Kind, bool AllowsMany, bool IsHardware, int Threads);

/// <summary>An instance; nested instances are flattened with dotted names (<c>outer.inner</c>).</summary>
public sealed record InstanceModel(string Name, string ComponentType, string? Group, SourceLocation Location);

public sealed record ConnectionModel(
    string Name,
    string ConnectorName,
    EquatableArray<ConnectionEndModel> Ends,
    SourceLocation Location);

public sealed record ConnectionEndModel(ConnectorEndRole Role, string Instance, string Interface)
{
    /// <summary>Where the end is written (for an end reached through an export, the end as written).</summary>
    public SourceLocation Location { get; init; }
}

/// <summary>One resolved configuration setting: <c>Instance.Attribute = Value</c>.</summary>
public sealed record SettingModel(string Instance, string Attribute, ConfigValue Value, SourceLocation Location);
