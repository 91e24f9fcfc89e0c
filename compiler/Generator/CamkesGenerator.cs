using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using UxRt.Camkes.Adl;
using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Compiler.Generator;

/// <summary>
/// The incremental pipeline: spec files + settings → one <see cref="SystemInput"/> per root spec
/// (<see cref="SystemRoots"/>) → front end + emitters → sources and diagnostics. Every step's value is
/// value-equal, so an edit to C# code re-runs nothing here. The output is split into one item per
/// generated file (and one for the diagnostics), so an edit to a spec hands Roslyn again only the
/// files whose text changed.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class CamkesGenerator : IIncrementalGenerator
{
    /// <summary>Step names, for tests that check what was cached.</summary>
    public const string SpecFilesStep = "CamkesSpecFiles";
    public const string SettingsStep = "CamkesSettings";
    public const string RemoteNodesStep = "CamkesRemoteNodes";
    public const string SystemsStep = "CamkesSystems";
    public const string OutputsStep = "CamkesOutputs";
    public const string FilesStep = "CamkesFiles";
    public const string DiagnosticsStep = "CamkesDiagnostics";
    public const string UserTypesStep = "CamkesUserTypes";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var specFiles = context.AdditionalTextsProvider
            .Where(text => IsSpecFile(text.Path) || IsHeaderFile(text.Path))
            .Select((text, cancellationToken) => new SpecFile(PathNames.Normalize(text.Path), text.GetText(cancellationToken)?.ToString() ?? string.Empty))
            .Collect()
            .Select((files, _) => files.OrderBy(f => f.Path, System.StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(SpecFilesStep);

        var templateFiles = context.AdditionalTextsProvider
            .Where(text => IsTemplateFile(text.Path) || Adl.Connectors.ConnectorCatalogFile.IsCatalogFile(PathNames.Normalize(text.Path)))
            .Select((text, cancellationToken) => new SpecFile(PathNames.Normalize(text.Path), text.GetText(cancellationToken)?.ToString() ?? string.Empty))
            .Collect();

        // Only a bool leaves the compilation, so an edit to C# code stops here.
        var remoteNodes = context.CompilationProvider
            .Select((compilation, _) => compilation.GetTypeByMetadataName(RemoteNodeType) is not null)
            .WithTrackingName(RemoteNodesStep);

        var settings = context.AnalyzerConfigOptionsProvider
            .Select((options, _) => ReadSettings(options.GlobalOptions))
            .Combine(templateFiles)
            .Select((input, _) => WithUserTemplates(input.Left, input.Right))
            .Combine(remoteNodes)
            .Select((input, _) => input.Left with { RemoteNodes = input.Right })
            .WithTrackingName(SettingsStep);

        var systems = specFiles
            .Combine(settings)
            .SelectMany((input, _) => FindSystems(input.Left, input.Right))
            .WithTrackingName(SystemsStep);

        var outputs = systems
            .Select((system, cancellationToken) => GenerateSystem(system, cancellationToken))
            .WithTrackingName(OutputsStep);

        var files = outputs
            .SelectMany((output, _) => output.Files)
            .WithTrackingName(FilesStep);

        var diagnostics = outputs
            .Select((output, _) => output.Diagnostics)
            .WithTrackingName(DiagnosticsStep);

        // Reported once for the project, however many systems it has.
        var catalogDiagnostics = settings.Select((settings, _) => settings.CatalogDiagnostics);

        // The one step that reads C# code: the user types the glue names, looked up in the compilation.
        // Only the few names flow in, so what it costs per edit is binding one small probe.
        var userTypes = outputs
            .Select((output, _) => output.UserTypes)
            .Combine(context.CompilationProvider)
            .Select((input, cancellationToken) => UserTypes.Check(input.Left, input.Right, cancellationToken))
            .WithTrackingName(UserTypesStep);

        context.RegisterSourceOutput(files, static (production, file) => Publish(production, file));
        context.RegisterSourceOutput(userTypes, static (production, report) => Publish(production, report));
        context.RegisterSourceOutput(diagnostics, static (production, found) => Publish(production, found));
        context.RegisterSourceOutput(catalogDiagnostics, static (production, found) => Publish(production, found));
    }

    // The user's templates, and the catalog entries beside them, which the front end's checks read too.
    private static GeneratorSettings WithUserTemplates(GeneratorSettings settings, ImmutableArray<SpecFile> files)
    {
        var (catalog, diagnostics) = UserTemplates.Catalog(settings.TemplateDirectory, files);
        return settings with
        {
            Templates = UserTemplates.Under(settings.TemplateDirectory, files),
            FrontEnd = settings.FrontEnd with { Connectors = catalog },
            CatalogDiagnostics = diagnostics,
        };
    }

    /// <summary>The type whose presence says that nodes can run as separate processes (the UxRt.Camkes.Remote package).</summary>
    internal const string RemoteNodeType = "UxRt.Camkes.Remote.RemoteNode";

    // C headers are served to the preprocessor's #include; they never describe a system themselves.
    internal static bool IsHeaderFile(string path) => path.EndsWith(".h", System.StringComparison.OrdinalIgnoreCase);

    // Handlebars templates that replace built-in ones; only those under CamkesTemplatePath count.
    internal static bool IsTemplateFile(string path) => path.EndsWith(".hbs", System.StringComparison.OrdinalIgnoreCase);

    internal static bool IsSpecFile(string path) =>
        path.EndsWith(".adl", System.StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".camkes", System.StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".idl4", System.StringComparison.OrdinalIgnoreCase);

    private static GeneratorSettings ReadSettings(AnalyzerConfigOptions options)
    {
        string Get(string name) => options.TryGetValue("build_property." + name, out var value) ? value.Trim() : string.Empty;

        var @namespace = Get("CamkesNamespace") is { Length: > 0 } explicitNamespace ? explicitNamespace
            : Get("RootNamespace") is { Length: > 0 } rootNamespace ? rootNamespace
            : "Camkes.Generated";
        var projectDirectory = Get("MSBuildProjectDirectory");
        // A list setting arrives as _<Name>List with '|' for ';' (see packaging/build/UxRt.Camkes.props);
        // the plain name is read too, for hosts that hand options over without an editorconfig.
        string GetList(string name) => Get("_" + name + "List") is { Length: > 0 } listed ? listed : Get(name);

        var includeDirectories = SplitList(GetList("CamkesIncludePath"))
            .Select(d => projectDirectory.Length > 0 ? PathNames.Combine(projectDirectory, d) : PathNames.Normalize(d));
        var defines = SplitList(GetList("CamkesDefines")).Select(Define.Parse);
        var templateDirectory = Get("CamkesTemplatePath") is { Length: > 0 } templates
            ? (projectDirectory.Length > 0 ? PathNames.Combine(projectDirectory, templates) : PathNames.Normalize(templates))
            : string.Empty;
        var namedRoot = Get("CamkesRoot") is { Length: > 0 } root
            ? (projectDirectory.Length > 0 ? PathNames.Combine(projectDirectory, root) : PathNames.Normalize(root))
            : string.Empty;
        return new GeneratorSettings(@namespace, FrontEndOptions.Create(includeDirectories, defines), templateDirectory, EquatableArray<Emit.TemplateOverride>.Empty)
        {
            NamedRoot = namedRoot,
        };
    }

    private static readonly char[] ListSeparators = { ';', '|' };

    private static string[] SplitList(string value) =>
        value.Split(ListSeparators, System.StringSplitOptions.RemoveEmptyEntries).Select(v => v.Trim()).Where(v => v.Length > 0).ToArray();

    // SystemRoots says which specs describe a system; the others are imported by systems. One system is generated into the project's namespace; several each get a namespace (and
    // file names) of their own, so that types they share, such as an imported procedure's
    // interface, do not collide.
    private static ImmutableArray<SystemInput> FindSystems(EquatableArray<SpecFile> files, GeneratorSettings settings)
    {
        var sources = new AdditionalTextSourceProvider(files);
        var roots = SystemRoots.Find(files, sources, settings.FrontEnd, settings.NamedRoot);
        if (roots.Count == 1)
        {
            return ImmutableArray.Create(new SystemInput(roots[0], files, settings, HintPrefix: string.Empty));
        }

        var taken = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        var systems = ImmutableArray.CreateBuilder<SystemInput>(roots.Count);
        foreach (var root in roots)
        {
            var name = Emit.CSharpNames.Pascal(System.IO.Path.GetFileNameWithoutExtension(root));
            var unique = name;
            for (var suffix = 2; !taken.Add(unique); suffix++)
            {
                unique = name + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var ownSettings = settings with { Namespace = settings.Namespace + "." + unique };
            systems.Add(new SystemInput(root, files, ownSettings, HintPrefix: unique + "."));
        }

        return systems.ToImmutable();
    }
}
