using System.CommandLine;
using UxRt.Camkes.Compiler.Emit;

namespace UxRt.Camkes.Cli.Commands;

/// <summary>
/// `camkes generate FILE -o DIR`: writes the C# glue the source generator would add to the build,
/// file for file, so it can be read, diffed or compiled without MSBuild.
/// </summary>
internal static class GenerateCommand
{
    public const string DefaultNamespace = "Camkes.Generated";

    public static Command Create(CliOutput output)
    {
        var input = new SpecInput();
        var directory = new Option<string>("--output", "-o") { Description = "The directory to write the generated files to.", HelpName = "DIR", Required = true };
        var @namespace = new Option<string>("--namespace", "-n")
        {
            Description = $"The namespace of the generated code (the generator uses CamkesNamespace or RootNamespace; default {DefaultNamespace}).",
            DefaultValueFactory = _ => DefaultNamespace,
        };
        var command = new Command("generate", "Write the C# code the source generator emits for a spec.") { directory, @namespace };
        input.AddTo(command);
        command.SetAction(parse =>
        {
            var result = input.Compile(parse, output, out var exitCode);
            if (result?.Model is not { } model || exitCode != ExitCodes.Success)
            {
                return exitCode;
            }

            var emitted = SystemEmitter.Emit(model, parse.GetValue(@namespace) ?? DefaultNamespace);
            foreach (var diagnostic in emitted.Diagnostics)
            {
                output.Error.WriteLine(diagnostic.ToString());
            }

            // Like the generator: any error means no files, so nothing half-made is left behind.
            if (emitted.Diagnostics.Any(d => d.IsError))
            {
                return ExitCodes.Failure;
            }

            var target = parse.GetValue(directory)!;
            Directory.CreateDirectory(target);
            foreach (var file in emitted.Files)
            {
                File.WriteAllText(Path.Combine(target, file.HintName), file.Text);
            }

            output.Error.WriteLine($"camkes: wrote {emitted.Files.Count} file(s) to {target}");
            return ExitCodes.Success;
        });
        return command;
    }
}
