using System.ComponentModel;
using System.Diagnostics;

namespace UxRt.Camkes.Cli.Graph;

/// <summary>Turns DOT into SVG or PNG with Graphviz's `dot`, which is optional: its absence is a clear message, not a crash.</summary>
internal static class GraphvizRenderer
{
    public const string DefaultExecutable = "dot";

    /// <summary>Returns null on success, or a message saying what went wrong.</summary>
    /// <param name="format">Graphviz's output format: <c>svg</c> or <c>png</c>.</param>
    public static string? Render(string dot, string format, string outputPath, string executable)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-T" + format);
        start.ArgumentList.Add("-o");
        start.ArgumentList.Add(outputPath);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception();
        }
        catch (Win32Exception)
        {
            return $"Graphviz '{executable}' was not found, so no {format.ToUpperInvariant()} can be drawn. Install Graphviz (for example `apt-get install graphviz`), "
                + "or write DOT (-o file.dot) or Mermaid (-o file.mmd) instead.";
        }

        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(dot);
            process.StandardInput.Close();
            process.WaitForExit();
            return process.ExitCode == 0 ? null : $"Graphviz '{executable}' failed (exit code {process.ExitCode}): {errors.Result.Trim()}";
        }
    }
}
