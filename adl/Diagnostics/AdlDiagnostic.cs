using System.Globalization;
using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Adl.Diagnostics;

/// <summary>A reported problem: which descriptor, the filled-in message and where it is.</summary>
public sealed record AdlDiagnostic(string Id, DiagnosticSeverity Severity, string Message, SourceLocation Location)
{
    // Messages quote names and tokens from the spec; whatever a caller forgot to shorten is cut here,
    // so a hostile input cannot make a build log of megabytes.
    private const int MaxMessageChars = 1000;

    public static AdlDiagnostic Create(DiagnosticDescriptor descriptor, SourceLocation location, params object[] arguments)
    {
        var message = string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat, arguments);
        if (message.Length > MaxMessageChars)
        {
            message = message.Substring(0, MaxMessageChars) + $"... (message of {message.Length} characters cut)";
        }

        return new(descriptor.Id, descriptor.Severity, message, location);
    }

    public bool IsError => Severity == DiagnosticSeverity.Error;

    private string SeverityText => Severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Info => "info",
        _ => "warning",
    };

    /// <summary>MSBuild's canonical form, which editors and CI logs recognise.</summary>
    public override string ToString() =>
        $"{Location.FilePath}({Location.Line},{Location.Column}): {SeverityText} {Id}: {Message}";
}
