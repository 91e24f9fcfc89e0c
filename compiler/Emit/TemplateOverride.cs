namespace UxRt.Camkes.Compiler.Emit;

/// <summary>
/// A user's template that replaces the built-in one at <see cref="RelativePath"/> (relative to
/// templates/, with '/' separators); <see cref="FullPath"/> is where diagnostics point.
/// </summary>
public sealed record TemplateOverride(string RelativePath, string FullPath, string Text);
