using System.Collections.Concurrent;
using System.IO;
using System.Reflection;
using HandlebarsDotNet;

namespace UxRt.Camkes.Compiler.Emit;

/// <summary>
/// Renders the embedded templates with Handlebars.Net. Templates are compiled once per process;
/// HTML escaping is off because the output is C#.
/// </summary>
internal sealed class HandlebarsTemplateEngine : ITemplateEngine
{
    public static readonly HandlebarsTemplateEngine Instance = new();

    private readonly IHandlebars _handlebars;
    private readonly ConcurrentDictionary<string, HandlebarsTemplate<object, object>> _compiled = new(System.StringComparer.Ordinal);

    private HandlebarsTemplateEngine()
    {
        _handlebars = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true });
        _handlebars.RegisterTemplate("header", ReadTemplate("partials/header.hbs"));
    }

    public string Render(string templatePath, object model)
    {
        var template = _compiled.GetOrAdd(templatePath, path => _handlebars.Compile(ReadTemplate(path)));
        return template(model).Replace("\r\n", "\n");
    }

    private static string ReadTemplate(string path)
    {
        var assembly = typeof(HandlebarsTemplateEngine).GetTypeInfo().Assembly;
        using var stream = assembly.GetManifestResourceStream("templates/" + path)
            ?? throw new FileNotFoundException($"template '{path}' is not embedded in {assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
