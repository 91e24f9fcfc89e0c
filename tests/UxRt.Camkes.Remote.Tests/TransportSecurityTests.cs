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
