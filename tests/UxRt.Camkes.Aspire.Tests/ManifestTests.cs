using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace UxRt.Camkes.Aspire.Tests;

/// <summary>
/// Aspire's manifest publisher on examples/Distributed.AppHost, as README shows it: one project
/// resource per node with its arguments, endpoint and URLs, and the system secret as a secret
/// parameter that each node reads, since no AppHost derives node keys at deployment.
/// </summary>
public sealed class ManifestTests
{
    [Fact]
    public async Task The_manifest_has_a_resource_per_node_and_the_secret_as_a_parameter()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var metadata = typeof(ManifestTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
        var output = Path.Combine(metadata["RepositoryRoot"]!, "examples", "Distributed.AppHost", "bin", metadata["Configuration"]!, "net10.0");
        var manifest = Path.Combine(Path.GetTempPath(), $"uxrt-camkes-manifest-{Guid.NewGuid():N}", "aspire-manifest.json");
        var start = new ProcessStartInfo("dotnet", ["exec", Path.Combine(output, "Distributed.AppHost.dll"), "--publisher", "manifest", "--output-path", manifest])
        {
            WorkingDirectory = output,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        var stdout = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        try
        {
            Assert.True(process.ExitCode == 0 && File.Exists(manifest), $"the manifest publisher ended with {process.ExitCode}\n{stdout}\n{await stderr}");
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(manifest, timeout.Token));
            var resources = json.RootElement.GetProperty("resources");

            var secret = resources.GetProperty("distributed-secret");
            Assert.Equal("parameter.v0", secret.GetProperty("type").GetString());
            Assert.True(secret.GetProperty("inputs").GetProperty("value").GetProperty("secret").GetBoolean());

            foreach (var node in new[] { "pipeline", "audit" })
            {
                var resource = resources.GetProperty($"distributed-{node}");
                Assert.Equal("project.v0", resource.GetProperty("type").GetString());
                Assert.Equal(["--node", node], resource.GetProperty("args").EnumerateArray().Select(a => a.GetString()));
                var environment = resource.GetProperty("env");
                Assert.Equal("{distributed-secret.value}", environment.GetProperty("Camkes__Secret").GetString());
                Assert.False(environment.TryGetProperty("Camkes__NodeKey", out _), "a manifest cannot carry keys derived by the AppHost");
                Assert.Equal("{distributed-audit.bindings.camkes.url}", environment.GetProperty("Camkes__Nodes__audit__Url").GetString());
                Assert.Equal("{distributed-pipeline.bindings.camkes.url}", environment.GetProperty("Camkes__Nodes__pipeline__Url").GetString());
                Assert.Equal("http2", resource.GetProperty("bindings").GetProperty("camkes").GetProperty("transport").GetString());
            }
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(manifest)!, recursive: true);
        }
    }
}
