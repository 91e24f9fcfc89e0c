using UxRt.Camkes.Testing;

namespace UxRt.Camkes.Remote.Tests;

/// <summary>
/// The remote package's surface in one place: what a user writes against, and
/// <c>UxRt.Camkes.Remote.Glue</c> for what only generated code uses, hidden from IntelliSense.
/// </summary>
public sealed class PublicApiTests
{
    private const string Glue = "UxRt.Camkes.Remote.Glue";

    private static readonly string[] UserFacingTypes =
    [
        "UxRt.Camkes.Remote.CamkesOpenTelemetryExtensions",
        "UxRt.Camkes.Remote.NodeHost",
        "UxRt.Camkes.Remote.NodeKeyDerivation",
        "UxRt.Camkes.Remote.RemoteFaultException",
        "UxRt.Camkes.Remote.RemoteFaultKind",
        "UxRt.Camkes.Remote.RemoteNode",
        "UxRt.Camkes.Remote.RemoteNodeLink",
        "UxRt.Camkes.Remote.RemoteNodeOptions",
    ];

    [Fact]
    public void Every_public_glue_type_is_hidden_from_IntelliSense() =>
        PublicSurface.AssertGlueIsHidden(typeof(RemoteNode).Assembly, Glue);

    [Fact]
    public void The_user_facing_types_are_exactly_the_listed_ones() =>
        Assert.Equal(UserFacingTypes, PublicSurface.UserFacingTypes(typeof(RemoteNode).Assembly, Glue));
}
