namespace UxRt.Camkes.Adl.Diagnostics;

/// <summary>How bad a diagnostic is; errors stop generation, warnings and infos do not.</summary>
public enum DiagnosticSeverity
{
    Warning,
    Error,

    /// <summary>Advice that is not a mistake: shown by <c>camkes check</c> and the IDE, never failing a build that treats warnings as errors.</summary>
    Info,
}
