using System.Text.RegularExpressions;

namespace UxRt.Camkes.Compiler.Emit;

/// <summary>
/// A template that does not compile or render, with the file and line to report it at.
/// Handlebars.Net's messages name the element but not its line, so the line is found here: the
/// last opening of a block left unclosed, or the first mention of the element named.
/// </summary>
internal sealed class TemplateError : System.Exception
{
    private static readonly Regex Quoted = new("'([^']+)'", RegexOptions.CultureInvariant);
    private static readonly Regex InPartial = new("^Runtime error while rendering partial '([^']+)'", RegexOptions.CultureInvariant);
    private static readonly Regex Undefined = new(@"^(\S+) is undefined$", RegexOptions.CultureInvariant);

    public TemplateError(string file, int line, string message)
        : base(message)
    {
        File = file;
        Line = line;
    }

    public string File { get; }

    public int Line { get; }

    /// <summary>
    /// Which template an error really comes from and its own exception: Handlebars.Net wraps an
    /// error inside a partial (<c>{{> header}}</c>, read from <c>partials/header.hbs</c>) in one that
    /// names only the partial.
    /// </summary>
    public static (string TemplatePath, System.Exception Cause) Locate(string templatePath, System.Exception error)
    {
        var path = templatePath;
        var cause = error;
        while (cause.InnerException is { } inner)
        {
            if (InPartial.Match(cause.Message) is { Success: true } partial)
            {
                path = "partials/" + partial.Groups[1].Value + ".hbs";
            }

            cause = inner;
        }

        return (path, cause);
    }

    public static TemplateError From(string file, string text, System.Exception error)
    {
        var message = error.Message;
        string? name;
        if (Undefined.Match(message) is { Success: true } undefined)
        {
            name = undefined.Groups[1].Value;
            message = $"'{name}' is not a member of the model this template is rendered over (templates are strict: the built-in template of the same path shows the members its model has)";
        }
        else
        {
            name = Quoted.Match(message) is { Success: true } match ? match.Groups[1].Value : null;
        }

        var offset = -1;
        if (name is not null)
        {
            offset = message.Contains("before block expression")
                ? text.LastIndexOf("{{#" + name, System.StringComparison.Ordinal)
                : name.StartsWith("/", System.StringComparison.Ordinal)
                    ? text.IndexOf("{{" + name, System.StringComparison.Ordinal)
                    : FirstMention(text, name);
        }

        var line = offset < 0 ? 1 : 1 + Count(text, offset);
        return new TemplateError(file, line, message);
    }

    private static int FirstMention(string text, string name)
    {
        var match = Regex.Match(text, @"\{\{[#>/~\s]*" + Regex.Escape(name) + @"\b", RegexOptions.CultureInvariant);
        return match.Success ? match.Index : -1;
    }

    private static int Count(string text, int end)
    {
        var lines = 0;
        for (var i = 0; i < end; i++)
        {
            if (text[i] == '\n')
            {
                lines++;
            }
        }

        return lines;
    }
}
