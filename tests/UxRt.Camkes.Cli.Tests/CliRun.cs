namespace UxRt.Camkes.Cli.Tests;

/// <summary>Runs `camkes` in-process and captures what it prints.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static string SpecsDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "Specs");

    public static string Spec(string name) => Path.Combine(SpecsDirectory, name);

    public static CliRun Of(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = CamkesCli.Run(args, stdout, stderr);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
