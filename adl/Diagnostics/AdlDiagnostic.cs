using System.Globalization;
using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Adl.Diagnostics;

/// <summary>A reported problem: which descriptor, the filled-in message and where it is.</summary>
public sealed record AdlDiagnostic(string Id, DiagnosticSeverity Severity, string Message, SourceLocation Location)
{
    public static AdlDiagnostic Create(DiagnosticDescriptor descriptor, SourceLocation location, params object[] arguments) =>
        new(descriptor.Id, descriptor.Severity, string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat, arguments), location);

    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>MSBuild's canonical form, which editors and CI logs recognise.</summary>
    public override string ToString() =>
        $"{Location.FilePath}({Location.Line},{Location.Column}): {(IsError ? "error" : "warning")} {Id}: {Message}";
}
