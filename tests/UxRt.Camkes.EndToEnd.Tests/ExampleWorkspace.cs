using System.Reflection;
using UxRt.Camkes.Testing;

namespace UxRt.Camkes.EndToEnd.Tests;

/// <summary>
/// A throw-away copy of an example, built and run with the real `dotnet` CLI exactly as a user
/// would. Copies live under examples/.e2e/ so they pick up the examples' shared build settings.
/// </summary>
internal sealed class ExampleWorkspace : IDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);

    private ExampleWorkspace(string directory, string projectName)
    {
        Directory = directory;
        ProjectName = projectName;
    }

    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static string Configuration { get; } = Metadata("Configuration");

    public string Directory { get; }

    public string ProjectName { get; }

    public static ExampleWorkspace CopyOf(string example)
    {
        var source = Path.Combine(RepositoryRoot, "examples", example);
        var target = Path.Combine(RepositoryRoot, "examples", ".e2e", $"{example}-{Guid.NewGuid():N}");
        CopyDirectory(source, target);
        return new ExampleWorkspace(target, example);
    }

    /// <summary>
    /// Runs an example as the solution build left it (`dotnet examples/X/bin/.../X.dll`), without a
    /// copy or a build of its own, so that checking many examples costs one build.
    /// </summary>
    public static CommandResult RunBuilt(string example)
    {
        var directory = Path.Combine(RepositoryRoot, "examples", example);
        var program = Path.Combine(directory, "bin", Configuration, "net10.0", example + ".dll");
        return DotnetCli.Run(directory, CommandTimeout, environment: null, program);
    }

    public string PathOf(string file) => Path.Combine(Directory, file);

    /// <summary>Builds the copy; the generator and runtime were already built with the tests.</summary>
    public CommandResult Build() =>
        Dotnet("build", $"{ProjectName}.csproj", "-c", Configuration, "-p:BuildProjectReferences=false", "-nologo", "-v:q");

    /// <summary>Runs the copy (building it first), as `dotnet run --project` does.</summary>
    public CommandResult Run() =>
        Dotnet("run", "--project", $"{ProjectName}.csproj", "-c", Configuration, "-p:BuildProjectReferences=false");

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover copy is harmless (ignored by git) and must not fail the test.
        }
    }

    private CommandResult Dotnet(params string[] arguments) => DotnetCli.Run(Directory, CommandTimeout, environment: null, arguments);

    private static void CopyDirectory(string source, string target)
    {
        System.IO.Directory.CreateDirectory(target);
        foreach (var file in System.IO.Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var directory in System.IO.Directory.EnumerateDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (name is not ("bin" or "obj"))
            {
                CopyDirectory(directory, Path.Combine(target, name));
            }
        }
    }

    private static string Metadata(string key) =>
        typeof(ExampleWorkspace).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"assembly metadata {key} is missing");
}
