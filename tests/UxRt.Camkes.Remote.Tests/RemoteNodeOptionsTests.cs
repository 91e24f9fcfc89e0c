using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using UxRt.Camkes.Remote.Tests.Support;

namespace UxRt.Camkes.Remote.Tests;

/// <summary>The <c>Camkes:</c> configuration keys a node reads.</summary>
public sealed class RemoteNodeOptionsTests : IDisposable
{
    private static readonly string[] Nodes = ["core", "edge"];
    private readonly string _directory = Directory.CreateTempSubdirectory("camkes-remote-options-").FullName;

    [Fact]
    public void Addresses_secret_and_deadline_come_from_the_camkes_section()
    {
        var options = Read(new()
        {
            ["Camkes:Nodes:core:Url"] = "http://127.0.0.1:5201",
            ["Camkes:Nodes:edge:Url"] = "http://127.0.0.1:5202",
            ["Camkes:Secret"] = "s3cret",
            ["Camkes:CallDeadline"] = "00:00:02",
        });

        Assert.Equal(new Uri("http://127.0.0.1:5201"), options.Urls["core"]);
        Assert.Equal(new Uri("http://127.0.0.1:5202"), options.Urls["edge"]);
        Assert.Equal("s3cret", options.Secret);
        Assert.Equal(TimeSpan.FromSeconds(2), options.CallDeadline);
        Assert.True(options.AllNodesOnLoopback);
        Assert.Null(options.Certificate);
    }

    [Fact]
    public void Issued_keys_and_the_clock_skew_come_from_the_camkes_section()
    {
        var nodeKey = NodeKeyDerivation.NodeKey("orchestrator's secret", "Pair", "core");
        var callKey = NodeKeyDerivation.CallKey(NodeKeyDerivation.NodeKey("orchestrator's secret", "Pair", "edge"), "core");
        var options = Read(new()
        {
            ["Camkes:Nodes:core:Url"] = "http://127.0.0.1:5201",
            ["Camkes:Nodes:edge:Url"] = "http://127.0.0.1:5202",
            ["Camkes:NodeKey"] = Convert.ToBase64String(nodeKey),
            ["Camkes:CallKeys:edge"] = Convert.ToBase64String(callKey),
            ["Camkes:MaxClockSkew"] = "00:00:03",
            ["Camkes:MaxMessageSize"] = "65536",
        });

        Assert.Equal(nodeKey, options.NodeKey);
        Assert.Equal(callKey, options.CallKeys!["edge"]);
        Assert.Equal(TimeSpan.FromSeconds(3), options.MaxClockSkew);
        Assert.Equal(65536, options.MaxMessageSize);
        Assert.Null(options.Secret);
    }

    [Fact]
    public void Without_settings_calls_wait_five_seconds_and_carry_at_most_the_generated_buffer()
    {
        var options = Read(new() { ["Camkes:Nodes:core:Url"] = "http://127.0.0.1:5201", ["Camkes:Nodes:edge:Url"] = "http://127.0.0.1:5202" });

        Assert.Equal(TimeSpan.FromSeconds(5), options.CallDeadline);
        Assert.Equal(4096, options.MaxMessageSize);
        Assert.Null(options.Secret);
    }

    [Theory]
    [InlineData("Camkes:Nodes:edge:Url", null, "Camkes:Nodes:edge:Url")]
    [InlineData("Camkes:Nodes:edge:Url", "ftp://127.0.0.1:21", "not an http:// or https:// address")]
    [InlineData("Camkes:CallDeadline", "soon", "Camkes:CallDeadline 'soon'")]
    [InlineData("Camkes:Nodes:core:Certificate:Path", "/nonexistent/core.pfx", "cannot load certificate")]
    [InlineData("Camkes:MaxClockSkew", "-00:00:01", "Camkes:MaxClockSkew '-00:00:01'")]
    [InlineData("Camkes:MaxMessageSize", "8388608", "Camkes:MaxMessageSize '8388608' is not a byte count from 1 to 4194304")]
    [InlineData("Camkes:NodeKey", "not base64!", "Camkes:NodeKey is not base64")]
    [InlineData("Camkes:CallKeys:edge", "AAAA", "Camkes:CallKeys:edge is 3 bytes")]
    public void A_missing_or_malformed_setting_is_named(string key, string? value, string expected)
    {
        var settings = new Dictionary<string, string?> { ["Camkes:Nodes:core:Url"] = "https://127.0.0.1:5201", ["Camkes:Nodes:edge:Url"] = "https://127.0.0.1:5202" };
        settings[key] = value;

        var error = Assert.Throws<InvalidOperationException>(() => Read(settings));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Certificates_load_from_a_pkcs12_file_and_a_pem_file()
    {
        using var certificate = SelfSignedCertificate.ForLoopback("core");
        var pfx = Path.Combine(_directory, "core.pfx");
        var pem = Path.Combine(_directory, "trusted.pem");
        File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pkcs12, "pw"));
        File.WriteAllText(pem, certificate.ExportCertificatePem());

        var options = Read(new()
        {
            ["Camkes:Nodes:core:Url"] = "https://127.0.0.1:5201",
            ["Camkes:Nodes:edge:Url"] = "https://127.0.0.1:5202",
            ["Camkes:Nodes:core:Certificate:Path"] = pfx,
            ["Camkes:Nodes:core:Certificate:Password"] = "pw",
            ["Camkes:TrustedCertificate"] = pem,
        });

        Assert.True(options.Certificate!.HasPrivateKey);
        Assert.Equal(certificate.Thumbprint, options.Certificate.Thumbprint);
        Assert.Equal(certificate.Thumbprint, options.TrustedCertificate!.Thumbprint);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static RemoteNodeOptions Read(Dictionary<string, string?> settings) =>
        RemoteNodeOptions.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), "Pair", "core", Nodes);
}
