using System.CommandLine;

namespace UxRt.Camkes.Cli.Commands;

/// <summary>`camkes check FILE`: reports every problem of the spec; exit 0 when it is valid.</summary>
internal static class CheckCommand
{
    public static Command Create(CliOutput output)
    {
        var input = new SpecInput();
        var command = new Command("check", "Check a spec and report every problem in it (exit 0 valid, 1 errors, 2 bad usage or unreadable file).");
        input.AddTo(command);
        command.SetAction(parse =>
        {
            var result = input.Compile(parse, output, out var exitCode);
            if (result is not null && !result.HasErrors)
            {
                var warnings = result.Diagnostics.Count;
                output.Error.WriteLine(warnings == 0 ? "camkes: no problems found" : $"camkes: no errors, {warnings} warning(s)");
            }

            return exitCode;
        });
        return command;
    }
}
