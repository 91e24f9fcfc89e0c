using System.Collections.Generic;

namespace UxRt.Camkes.Compiler.Emit.Views;

/// <summary>What the struct template needs: an ADL <c>struct</c> as a C# record struct.</summary>
internal sealed class StructView
{
    public string Namespace { get; set; } = string.Empty;

    public string SourceFile { get; set; } = string.Empty;

    public string AdlName { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public List<FieldView> Fields { get; set; } = new();

    /// <summary>A fixed-length array field becomes an inline array, so the struct stays one flat block (usable in a dataport).</summary>
    public List<InlineArrayView> InlineArrays { get; set; } = new();

    /// <summary>The fields that a copy by value would share (arrays of its own), re-copied by <c>Copied()</c>; empty when there are none.</summary>
    public List<string> CopyAssignments { get; set; } = new();
}

internal sealed class InlineArrayView
{
    public string Name { get; set; } = string.Empty;

    public string ElementType { get; set; } = string.Empty;

    public long Length { get; set; }
}
