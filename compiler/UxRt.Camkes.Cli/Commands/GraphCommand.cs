using System.CommandLine;
using UxRt.Camkes.Cli.Graph;

namespace UxRt.Camkes.Cli.Commands;

/// <summary>
/// `camkes graph FILE [-o out.dot|out.svg|out.png|out.mmd]`: draws the system — instances in their
/// nodes, compounds and groups, and connections by kind, with a legend. Without -o the DOT text goes to standard output.
/// </summary>
internal static class GraphCommand
{
    public static Command Create(CliOutput output)
    {
        var input = new SpecInput();
        var target = new Option<string?>("--output", "-o") { Description = "Where to write the picture; the extension picks the format: .dot, .svg or .png (both need Graphviz) or .mmd (Mermaid).", HelpName = "FILE" };
        var dot = new Option<string>("--dot")
        {
            Description = "The Graphviz executable used for SVG and PNG.",
            DefaultValueFactory = _ => GraphvizRenderer.DefaultExecutable,
            HelpName = "PATH",
        };
        var templates = new Option<string?>("--templates")
        {
            Description = "The generator's CamkesTemplatePath: connector catalog entries there (connectors/X/connector.catalog) say what the spec's own connectors are.",
            HelpName = "DIR",
        };
        var command = new Command("graph", "Draw the system: instances in their nodes, compounds and groups, and connections by kind.") { target, dot, templates };
        input.AddTo(command);
        command.SetAction(parse =>
        {
            var path = parse.GetValue(target);
            var format = path is null ? ".dot" : Path.GetExtension(path).ToLowerInvariant();
            if (format is not (".dot" or ".gv" or ".svg" or ".png" or ".mmd"))
            {
                output.Fail($"cannot tell the format of '{path}': use .dot, .svg, .png or .mmd");
                return ExitCodes.Usage;
            }

            var (_, catalog, catalogProblems) = UserTemplateDirectory.Read(parse.GetValue(templates));
            foreach (var catalogProblem in catalogProblems)
            {
                output.Error.WriteLine(catalogProblem.ToString());
            }

            var result = input.Compile(parse, output, out var exitCode, catalog);
            if (result?.Model is not { } model)
            {
                return exitCode;
            }

            var graph = SystemGraph.From(model, catalog);
            if (format == ".mmd")
            {
                File.WriteAllText(path!, MermaidWriter.Write(graph));
                return ExitCodes.Success;
            }

            var text = DotWriter.Write(graph);
            if (path is null)
            {
                output.Out.Write(text);
                return ExitCodes.Success;
            }

            if (format is not (".svg" or ".png"))
            {
                File.WriteAllText(path, text);
                return ExitCodes.Success;
            }

            if (GraphvizRenderer.Render(text, format.TrimStart('.'), path, parse.GetValue(dot) ?? GraphvizRenderer.DefaultExecutable) is { } problem)
            {
                output.Fail(problem);
                return ExitCodes.Failure;
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
