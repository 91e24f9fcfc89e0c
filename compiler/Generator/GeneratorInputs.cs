using UxRt.Camkes.Adl;

namespace UxRt.Camkes.Compiler.Generator;

/// <summary>A spec file handed to the generator; <see cref="Path"/> is normalised.</summary>
internal sealed record SpecFile(string Path, string Text);

/// <summary>
/// The MSBuild settings the generator reads (see packaging/build/UxRt.Camkes.props), and the user's
/// templates found under <c>CamkesTemplatePath</c> (none unless it is set). <see cref="RemoteNodes"/>:
/// the compilation references UxRt.Camkes.Remote, so connections across nodes are wired through it.
/// </summary>
internal sealed record GeneratorSettings(string Namespace, FrontEndOptions FrontEnd, string TemplateDirectory, EquatableArray<Emit.TemplateOverride> Templates, bool RemoteNodes = false)
{
    /// <summary>The full path of the spec that <c>CamkesRoot</c> names as the project's one root, or empty.</summary>
    public string NamedRoot { get; init; } = string.Empty;

    /// <summary>What is wrong with the user's connector catalog files (ADL0103), reported once per project.</summary>
    public EquatableArray<Adl.Diagnostics.AdlDiagnostic> CatalogDiagnostics { get; init; } = EquatableArray<Adl.Diagnostics.AdlDiagnostic>.Empty;
}

/// <summary>
/// One system to generate: its root spec, every spec it may import, and the settings.
/// <see cref="HintPrefix"/> keeps the file names of several systems in one project apart.
/// </summary>
internal sealed record SystemInput(string RootPath, EquatableArray<SpecFile> Files, GeneratorSettings Settings, string HintPrefix);

/// <summary>What generating one system produced: the files and every diagnostic on the way.</summary>
internal sealed record SystemOutput(string RootPath, EquatableArray<Emit.GeneratedFileEntry> Files, EquatableArray<Adl.Diagnostics.AdlDiagnostic> Diagnostics)
{
    /// <summary>The user types its glue names, to be looked up in the compilation (<see cref="Generator.UserTypes"/>).</summary>
    public UserTypeUses UserTypes { get; init; } = new(string.Empty, string.Empty, EquatableArray<UserTypeUse>.Empty);
}
