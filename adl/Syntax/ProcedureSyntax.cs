using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Adl.Syntax;

public sealed record ProcedureSyntax(
    SourceLocation Location,
    string Name,
    EquatableArray<MethodSyntax> Methods,
    EquatableArray<AttributeSyntax> Attributes,
    EquatableArray<IncludeSyntax> Includes) : DefinitionSyntax(Location)
{
    /// <summary>The comment written above it in the spec, line by line without the comment markers (see <c>SpecComments</c>).</summary>
    public EquatableArray<string> Doc { get; init; } = EquatableArray<string>.Empty;
}

/// <summary>A method; <see cref="ReturnType"/> is null for <c>void</c>.</summary>
public sealed record MethodSyntax(
    SourceLocation Location,
    string Name,
    TypeSyntax? ReturnType,
    EquatableArray<ParameterSyntax> Parameters)
{
    /// <summary>The comment written above it in the spec, line by line without the comment markers (see <c>SpecComments</c>).</summary>
    public EquatableArray<string> Doc { get; init; } = EquatableArray<string>.Empty;
}

public enum ParameterDirection
{
    In,
    Out,
    InOut,
    RefIn,
}

public sealed record ParameterSyntax(
    SourceLocation Location,
    ParameterDirection Direction,
    TypeSyntax Type,
    string Name,
    bool IsArray);

/// <summary>
/// A C type as written: <c>unsigned int</c>, <c>int64_t</c>, <c>struct S</c>, a user type name,
/// or an inline anonymous <c>struct { ... }</c> (then <see cref="InlineFields"/> is not empty).
/// </summary>
public sealed record TypeSyntax(
    SourceLocation Location,
    string Name,
    bool IsStruct,
    EquatableArray<StructFieldSyntax> InlineFields);

public sealed record StructSyntax(
    SourceLocation Location,
    string Name,
    EquatableArray<StructFieldSyntax> Fields) : DefinitionSyntax(Location);

/// <summary>A struct field; <see cref="IsArray"/> with an optional fixed <see cref="ArrayLength"/> and default.</summary>
public sealed record StructFieldSyntax(
    SourceLocation Location,
    TypeSyntax Type,
    string Name,
    bool IsArray,
    ExpressionSyntax? ArrayLength,
    ValueSyntax? DefaultValue);
