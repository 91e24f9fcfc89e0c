namespace UxRt.Camkes.Adl.Diagnostics;

/// <summary>
/// One entry of the diagnostic table: a stable ID, a short title and a message format whose
/// placeholders ({0}, {1}, ...) are filled in when the diagnostic is reported.
/// </summary>
public sealed record DiagnosticDescriptor(string Id, string Title, string MessageFormat, DiagnosticSeverity Severity);
