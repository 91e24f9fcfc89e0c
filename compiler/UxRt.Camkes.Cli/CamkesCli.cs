using System.CommandLine;
using UxRt.Camkes.Cli.Commands;

namespace UxRt.Camkes.Cli;

/// <summary>The `camkes` command line: one subcommand per job, all sharing one front end.</summary>
public static class CamkesCli
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var output = new CliOutput(stdout, stderr);
        var root = new RootCommand("Checks, draws and generates code for component systems written in CAmkES ADL.")
        {
            CheckCommand.Create(output),
            GraphCommand.Create(output),
            GenerateCommand.Create(output),
            DumpCommand.Create(output),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                output.Fail(error.Message);
            }

            stderr.WriteLine("Run 'camkes --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (IOException exception)
        {
            output.Fail(exception.Message);
            return ExitCodes.Failure;
        }
        catch (UnauthorizedAccessException exception)
        {
            output.Fail(exception.Message);
            return ExitCodes.Failure;
        }
    }
}
