using System.CommandLine;
using UxRt.Camkes.Adl;
using UxRt.Camkes.Adl.Text;
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
        var templates = new Option<string?>("--templates")
        {
            Description = "A directory of Handlebars templates that replace the built-in ones with the same relative path (the generator's CamkesTemplatePath).",
            HelpName = "DIR",
        };
        var remote = new Option<bool>("--remote")
        {
            Description = "Generate for a project that references UxRt.Camkes.Remote, as the source generator does then: Create with a RemoteNode that wires connections across nodes, and RunNodeAsync.",
        };
        var command = new Command("generate", "Write the C# code the source generator emits for a spec.") { directory, @namespace, templates, remote };
        input.AddTo(command);
        command.SetAction(parse =>
        {
            var (userTemplates, catalog, catalogProblems) = UserTemplateDirectory.Read(parse.GetValue(templates));
            foreach (var problem in catalogProblems)
            {
                output.Error.WriteLine(problem.ToString());
            }

            var result = input.Compile(parse, output, out var exitCode, catalog);
            if (result?.Model is not { } model || exitCode != ExitCodes.Success || catalogProblems.Any(d => d.IsError))
            {
                return exitCode == ExitCodes.Success ? ExitCodes.Failure : exitCode;
            }

            var emitted = SystemEmitter.Emit(model, parse.GetValue(@namespace) ?? DefaultNamespace, userTemplates, remoteNodes: parse.GetValue(remote), connectors: catalog);
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
