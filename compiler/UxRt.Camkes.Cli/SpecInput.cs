using System.CommandLine;
using UxRt.Camkes.Adl;
using UxRt.Camkes.Adl.Connectors;
using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Cli;

/// <summary>
/// The spec file and the preprocessor options every command takes (`-I DIR`, `-D NAME[=VALUE]`),
/// and the one way the tool runs the front end — the same one the source generator runs.
/// </summary>
internal sealed class SpecInput
{
    public Argument<string> File { get; } = new("file") { Description = "The .camkes or .adl file that holds the assembly." };

    public Option<string[]> IncludeDirectories { get; } = new("--include", "-I")
    {
        Description = "A directory searched by `import <x>` and `#include <x>` (repeatable).",
        HelpName = "DIR",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string[]> Defines { get; } = new("--define", "-D")
    {
        Description = "A preprocessor definition NAME or NAME=VALUE (repeatable).",
        HelpName = "NAME[=VALUE]",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public void AddTo(Command command)
    {
        command.Add(File);
        command.Add(IncludeDirectories);
        command.Add(Defines);
    }

    /// <summary>
    /// Runs the front end and prints its diagnostics. Returns the result, or null with
    /// <paramref name="exitCode"/> set when the file cannot be read at all.
    /// </summary>
    /// <param name="connectors">The connector catalog the checks read: the built-in one unless a command reads a user's too.</param>
    public FrontEndResult? Compile(ParseResult parse, CliOutput output, out int exitCode, ConnectorCatalog? connectors = null)
    {
        var path = parse.GetValue(File) ?? string.Empty;
        string fullPath;
        try
        {
            fullPath = PathNames.Normalize(path);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            output.Fail($"'{path}' is not a valid path");
            exitCode = ExitCodes.Usage;
            return null;
        }

        if (FileSystemSourceProvider.Instance.TryRead(fullPath) is null)
        {
            output.Fail($"cannot read '{path}'");
            exitCode = ExitCodes.Usage;
            return null;
        }

        var options = FrontEndOptions.Create(
            (parse.GetValue(IncludeDirectories) ?? Array.Empty<string>()).Select(PathNames.Normalize),
            (parse.GetValue(Defines) ?? Array.Empty<string>()).Select(Define.Parse)) with { Connectors = connectors ?? ConnectorCatalog.BuiltIn };
        var result = AdlFrontEnd.Compile(fullPath, FileSystemSourceProvider.Instance, options);
        foreach (var diagnostic in result.Diagnostics)
        {
            output.Error.WriteLine(diagnostic.ToString());
        }

        exitCode = result.HasErrors ? ExitCodes.Failure : ExitCodes.Success;
        return result;
    }
}
