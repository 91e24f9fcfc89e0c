namespace UxRt.Camkes.Cli;

/// <summary>Where a command writes: results to <see cref="Out"/>, diagnostics and errors to <see cref="Error"/>.</summary>
internal sealed record CliOutput(TextWriter Out, TextWriter Error)
{
    public void Fail(string message) => Error.WriteLine("camkes: " + message);
}
