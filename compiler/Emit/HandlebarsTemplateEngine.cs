using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using HandlebarsDotNet;
using UxRt.Camkes.Adl;

namespace UxRt.Camkes.Compiler.Emit;

/// <summary>
/// Renders the embedded templates with Handlebars.Net, or a user's replacement for any of them.
/// Templates are compiled once per engine; HTML escaping is off because the output is C#.
/// </summary>
internal sealed class HandlebarsTemplateEngine : ITemplateEngine
{
    private const string ResourcePrefix = "templates/";
    private const string PartialsPrefix = "partials/";

    public bool Has(string templatePath) => _has(templatePath);

    // The engine of the last set of user templates: a build re-runs the generator with the same set.
    private static (EquatableArray<TemplateOverride> Templates, HandlebarsTemplateEngine Engine)? s_lastOverridden;

    private readonly IHandlebars _handlebars;
    private readonly Func<string, string> _read;
    private readonly Func<string, string> _fileOf;
    private readonly Func<string, bool> _has;
    private readonly ConcurrentDictionary<string, HandlebarsTemplate<object, object>> _compiled = new(StringComparer.Ordinal);

    private HandlebarsTemplateEngine(Func<string, string> read, Func<string, string>? fileOf = null, Func<string, bool>? has = null)
    {
        _read = read;
        _fileOf = fileOf ?? (path => ResourcePrefix + path);
        _has = has ?? IsBuiltIn;
        // Strict: a member the model does not have is an error at the template's line (ADL0302), not an empty string.
        _handlebars = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true, ThrowOnUnresolvedBindingExpression = true });
        // Every partials/X.hbs is the partial {{> X}}, and a connector's connectors/C/partials/X.hbs is
        // {{> connectors/C/X}} (the user's file, where they replace it).
        foreach (var partial in BuiltInTemplates.Where(t => t.StartsWith(PartialsPrefix, StringComparison.Ordinal) || t.Contains("/" + PartialsPrefix)))
        {
            _handlebars.RegisterTemplate(PartialName(partial), read(partial));
        }
        _handlebars.RegisterHelper("generated-code", (writer, _, _) => writer.WriteSafeString(GeneratedCodeAttribute));
        _handlebars.RegisterHelper("model-version", (writer, _, _) => writer.WriteSafeString(Views.TemplateModel.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        _handlebars.RegisterHelper("require-model", (_, _, arguments) => RequireModel(arguments));
    }

    // {{require-model N}}: a template written for view model version N stops at its line under any other.
    private static void RequireModel(Arguments arguments)
    {
        var wanted = arguments.Length == 1 ? Convert.ToString(arguments[0], System.Globalization.CultureInfo.InvariantCulture) : null;
        if (wanted != Views.TemplateModel.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new HandlebarsRuntimeException(
                $"'require-model' {wanted ?? "(no version)"}: this template is written for view model version {wanted ?? "?"}, and UxRt.Camkes {GeneratorVersion()} renders version {Views.TemplateModel.Version}; docs/templates.md says what each version has");
        }
    }

    private static string PartialName(string path)
    {
        var folder = path.StartsWith(PartialsPrefix, StringComparison.Ordinal) ? 0 : path.IndexOf("/" + PartialsPrefix, StringComparison.Ordinal) + 1;
        return path.Substring(0, folder) + path.Substring(folder + PartialsPrefix.Length, path.Length - folder - PartialsPrefix.Length - ".hbs".Length);
    }

    // What {{generated-code}} prints above each generated type, so tools (coverage, analyzers) know it as generated.
    private static readonly string GeneratedCodeAttribute =
        $"[global::System.CodeDom.Compiler.GeneratedCode(\"UxRt.Camkes\", \"{GeneratorVersion()}\")]";

    private static string GeneratorVersion()
    {
        var assembly = typeof(HandlebarsTemplateEngine).GetTypeInfo().Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

        // The informational version may carry "+<commit>"; the attribute names the release.
        return informational?.Split('+')[0] ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
    }

    /// <summary>Every built-in template's path relative to templates/, which a user's template may replace.</summary>
    public static IReadOnlyList<string> BuiltInTemplates { get; } = typeof(HandlebarsTemplateEngine).GetTypeInfo().Assembly
        .GetManifestResourceNames()
        .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
        .Select(name => name.Substring(ResourcePrefix.Length))
        .OrderBy(name => name, StringComparer.Ordinal)
        .ToArray();

    public static bool IsBuiltIn(string path) => BuiltInTemplates.Contains(path, StringComparer.Ordinal);

    // After BuiltInTemplates: static initialisers run in order, and the engine registers the built-in partials.
    public static readonly HandlebarsTemplateEngine Instance = new(ReadBuiltIn);

    /// <summary>An engine that reads <paramref name="templates"/> in place of the built-in templates with the same paths.</summary>
    public static HandlebarsTemplateEngine WithOverrides(EquatableArray<TemplateOverride> templates)
    {
        if (s_lastOverridden is { } last && last.Templates.Equals(templates))
        {
            return last.Engine;
        }

        var byPath = templates.ToDictionary(t => t.RelativePath, StringComparer.Ordinal);
        var engine = new HandlebarsTemplateEngine(
            path => byPath.TryGetValue(path, out var user) ? user.Text : ReadBuiltIn(path),
            path => byPath.TryGetValue(path, out var user) ? user.FullPath : ResourcePrefix + path,
            path => byPath.ContainsKey(path) || IsBuiltIn(path));
        s_lastOverridden = (templates, engine);
        return engine;
    }

    public string Render(string templatePath, object model)
    {
        try
        {
            var template = _compiled.GetOrAdd(templatePath, path => _handlebars.Compile(_read(path)));
            return template(model).Replace("\r\n", "\n");
        }
        catch (Exception error) when (error is HandlebarsException or HandlebarsDotNet.Compiler.HandlebarsUndefinedBindingException)
        {
            // An error inside a partial is reported at the partial's file, with the innermost message.
            var (path, cause) = TemplateError.Locate(templatePath, error);
            throw TemplateError.From(_fileOf(path), _read(path), cause);
        }
    }

    private static string ReadBuiltIn(string path)
    {
        var assembly = typeof(HandlebarsTemplateEngine).GetTypeInfo().Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourcePrefix + path)
            ?? throw new FileNotFoundException($"template '{path}' is not embedded in {assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
