using System.CommandLine;
using UxRt.Camkes.Cli.Dump;

namespace UxRt.Camkes.Cli.Commands;

/// <summary>`camkes dump FILE`: the resolved, flattened model as JSON on standard output.</summary>
internal static class DumpCommand
{
    public static Command Create(CliOutput output)
    {
        var input = new SpecInput();
        var command = new Command("dump", "Print the resolved system model (instances flattened, settings evaluated) as JSON.");
        input.AddTo(command);
        command.SetAction(parse =>
        {
            var result = input.Compile(parse, output, out var exitCode);
            if (result?.Model is { } model)
            {
                output.Out.WriteLine(ModelJsonWriter.Write(model));
            }

            return exitCode;
        });
        return command;
    }
}
