using System.Reflection;
using UxRt.Camkes.Testing;

namespace UxRt.Camkes.Packaging.Tests;

/// <summary>
/// The three packages packed once for every test, into a folder feed, plus a workspace outside the
/// repository that restores from that feed. The repository's sources are packed from a copy, so
/// that packing never races the test run's other builds over the repository's obj/ folders; the
/// version gets a suffix of its own so that no package cached by an earlier run can stand in.
/// </summary>
public sealed class PackageFeed : IDisposable
{
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(8);

    private readonly string _root;

    public PackageFeed()
    {
        _root = Path.Combine(Path.GetTempPath(), $"uxrt-camkes-consumer-{Guid.NewGuid():N}");
        Source = Path.Combine(_root, "source");
        Feed = Path.Combine(_root, "feed");
        Workspace = Path.Combine(_root, "work");
        Directory.CreateDirectory(Workspace);

        VersionPrefix = Metadata("VersionPrefix");
        Version = $"{VersionPrefix}-local.{DateTime.UtcNow:yyyyMMddHHmmss}";
        var packages = Path.Combine(_root, "packages");
        Environment = new Dictionary<string, string>
        {
            // Template installs and tool settings go here instead of the user's home.
            ["DOTNET_CLI_HOME"] = Path.Combine(_root, "home"),
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["NUGET_PACKAGES"] = packages,
        };

        CopyRepository(RepositoryRoot, Source);
        Pack();
        WriteNuGetConfig(Path.Combine(Workspace, "nuget.config"), packages);
        InstallTemplates();
    }

    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    /// <summary>The version in Directory.Build.props: what README's consumer project references.</summary>
    public string VersionPrefix { get; }

    /// <summary>The version packed for this run.</summary>
    public string Version { get; }

    public string Feed { get; }

    /// <summary>A directory outside the repository whose nuget.config restores UxRt.Camkes* from <see cref="Feed"/> only.</summary>
    public string Workspace { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    private string Source { get; }

    internal CommandResult Dotnet(string workingDirectory, params string[] arguments) =>
        DotnetCli.Run(workingDirectory, CommandTimeout, Environment, arguments);

    internal CommandResult Succeed(string workingDirectory, params string[] arguments)
    {
        var result = Dotnet(workingDirectory, arguments);
        Assert.True(result.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} failed ({result.ExitCode}):\n{result.Output}");
        return result;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory is harmless and must not fail the run.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void Pack() =>
        Succeed(Source, "pack", "packaging/UxRt.Camkes.Packages.slnf", "-c", "Release", "-o", Feed, $"-p:VersionSuffix={Version[(VersionPrefix.Length + 1)..]}", "-nologo");

    private void InstallTemplates() =>
        Succeed(Workspace, "new", "install", $"UxRt.Camkes.Templates::{Version}", "--add-source", Feed);

    private void WriteNuGetConfig(string path, string packages)
    {
        var userPackages = System.Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");

        // Everything else (xunit, the logging abstractions) comes from nuget.org; packages already
        // in this machine's cache are read from there instead of being downloaded again.
        var fallback = Directory.Exists(userPackages)
            ? $"""
                <fallbackPackageFolders>
                  <add key="machine" value="{userPackages}" />
                </fallbackPackageFolders>
              """
            : string.Empty;
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{packages}" />
              </config>
            {fallback}
              <packageSources>
                <clear />
                <add key="camkes" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="camkes">
                  <package pattern="UxRt.Camkes*" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);
    }

    // The files git would commit (tracked and untracked, not ignored), as a fresh clone plus the
    // working tree's changes would have them.
    private static void CopyRepository(string repository, string target)
    {
        var listed = DotnetCli.Run("git", repository, TimeSpan.FromMinutes(1), null, "ls-files", "-z", "--cached", "--others", "--exclude-standard");
        Assert.True(listed.ExitCode == 0, $"git ls-files failed:\n{listed.Output}");
        foreach (var relative in listed.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Select(f => f.Trim('\r', '\n')))
        {
            var from = Path.Combine(repository, relative);
            if (relative.Length == 0 || !File.Exists(from))
            {
                continue;
            }

            var to = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to);
        }
    }

    private static string Metadata(string key) =>
        typeof(PackageFeed).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"assembly metadata {key} is missing");
}
