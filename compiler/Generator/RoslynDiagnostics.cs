using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using UxRt.Camkes.Adl.Diagnostics;
using RoslynDescriptor = Microsoft.CodeAnalysis.DiagnosticDescriptor;
using RoslynSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;

namespace UxRt.Camkes.Compiler.Generator;

/// <summary>
/// Front-end diagnostics as Roslyn diagnostics, located in the spec file so that MSBuild prints
/// <c>file.adl(line,col): error ADL0001: message</c>.
/// </summary>
internal static class RoslynDiagnostics
{
    private const string Category = "UxRt.Camkes";

    private static readonly ConcurrentDictionary<(string Id, RoslynSeverity Severity), RoslynDescriptor> Descriptors = new();

    public static Diagnostic From(AdlDiagnostic diagnostic)
    {
        var severity = diagnostic.Severity switch
        {
            Adl.Diagnostics.DiagnosticSeverity.Error => RoslynSeverity.Error,
            Adl.Diagnostics.DiagnosticSeverity.Info => RoslynSeverity.Info,
            _ => RoslynSeverity.Warning,
        };
        var descriptor = Descriptors.GetOrAdd((diagnostic.Id, severity), key => new RoslynDescriptor(
            key.Id,
            title: key.Id,
            messageFormat: "{0}",
            Category,
            key.Severity,
            isEnabledByDefault: true));

        var location = diagnostic.Location;
        var start = new LinePosition(System.Math.Max(0, location.Line - 1), System.Math.Max(0, location.Column - 1));
        var end = new LinePosition(start.Line, start.Character + location.Length);
        var span = new TextSpan(location.Offset, location.Length);
        return Diagnostic.Create(descriptor, Location.Create(location.FilePath, span, new LinePositionSpan(start, end)), diagnostic.Message);
    }
}
