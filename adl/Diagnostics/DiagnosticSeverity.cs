namespace UxRt.Camkes.Adl.Diagnostics;

/// <summary>How bad a diagnostic is; errors stop generation, warnings do not.</summary>
public enum DiagnosticSeverity
{
    Warning,
    Error,
}
