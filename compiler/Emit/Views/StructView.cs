using UxRt.Camkes.Adl;

namespace UxRt.Camkes.Compiler.Emit.Views;

/// <summary>What the struct template needs: an ADL <c>struct</c> as a C# record struct.</summary>
internal sealed record StructView
{
    public string Namespace { get; init; } = string.Empty;

    public string SourceFile { get; init; } = string.Empty;

    public string AdlName { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public EquatableArray<FieldView> Fields { get; init; } = EquatableArray<FieldView>.Empty;

    /// <summary>A fixed-length array field becomes an inline array, so the struct stays one flat block (usable in a dataport).</summary>
    public EquatableArray<InlineArrayView> InlineArrays { get; init; } = EquatableArray<InlineArrayView>.Empty;

    /// <summary>The fields that a copy by value would share (arrays of its own), re-copied by <c>Copied()</c>; empty when there are none.</summary>
    public EquatableArray<string> CopyAssignments { get; init; } = EquatableArray<string>.Empty;
}

internal sealed record InlineArrayView
{
    public string Name { get; init; } = string.Empty;

    public string ElementType { get; init; } = string.Empty;

    public long Length { get; init; }
}
