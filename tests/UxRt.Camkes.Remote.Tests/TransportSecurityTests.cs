using UxRt.Camkes.Remote.Tests.Support;
using UxRt.Camkes.Runtime.Faults;

namespace UxRt.Camkes.Remote.Tests;

/// <summary>With certificates, nodes talk TLS and accept only a node whose certificate they trust.</summary>
public sealed class TransportSecurityTests
{
    [Fact]
    public async Task Calls_travel_over_tls_between_nodes_that_trust_the_certificate()
    {
        using var certificate = SelfSignedCertificate.ForLoopback("pair-node");
        using var trusted = SelfSignedCertificate.PublicPart(certificate);
        await using var nodes = await NodePair.StartAsync(
            adjust: (_, options) => options with { Certificate = certificate, TrustedCertificate = trusted },
            scheme: "https");
        var client = new CalculatorClient(nodes.Import(), badge: 7);

        Assert.Equal(42, await Bounded.OnThread(() => client.Add(40, 2)));
        Assert.Equal("https", nodes.Core.ListenUri!.Scheme);
    }

    [Theory]
    [InlineData("https", false, "no certificate")]
    [InlineData("http", true, "make Camkes:Nodes:core:Url https://")]
    public void A_node_whose_address_does_not_match_its_certificate_does_not_start(string scheme, bool withCertificate, string expected)
    {
        using var certificate = SelfSignedCertificate.ForLoopback("core");
        var options = new RemoteNodeOptions
        {
            SystemName = "Pair",
            Node = "core",
            Secret = "s",
            Urls = new Dictionary<string, Uri> { ["core"] = new($"{scheme}://127.0.0.1:5401") },
            Certificate = withCertificate ? certificate : null,
        };

        var refusal = Assert.Throws<InvalidOperationException>(() => new RemoteNode(options));

        Assert.Contains(expected, refusal.Message);
    }

    [Fact]
    public async Task A_node_whose_certificate_is_not_trusted_is_never_called()
    {
        using var certificate = SelfSignedCertificate.ForLoopback("pair-node");
        using var other = SelfSignedCertificate.ForLoopback("someone-else");
        using var trustedOther = SelfSignedCertificate.PublicPart(other);
        await using var nodes = await NodePair.StartAsync(
            adjust: (_, options) => options with { Certificate = certificate, TrustedCertificate = trustedOther, CallDeadline = TimeSpan.FromSeconds(1) },
            scheme: "https");
        var client = new CalculatorClient(nodes.Import(), badge: 7);

        var fault = await Bounded.OnThread(() => Assert.Throws<ComponentFaultException>(() => client.Add(40, 2)));

        Assert.Contains("node 'core' unreachable", fault.Message);
        Assert.Equal(0, nodes.Dispatcher.Calls);
    }
}
