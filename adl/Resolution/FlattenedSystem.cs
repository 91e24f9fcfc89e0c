using System.Collections.Generic;
using UxRt.Camkes.Adl.Syntax;
using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Adl.Resolution;

/// <summary>
/// An instance after flattening, named <c>outer.inner</c> when it sits inside a compound
/// component. <see cref="Component"/> is null when its type did not resolve (already reported),
/// so that ends naming it are skipped instead of reported again.
/// </summary>
internal sealed record FlatInstance(string Name, string TypeName, ComponentSyntax? Component, string? Group, SourceLocation Location)
{
    public bool IsCompound => Component is { IsCompound: true };
}

/// <summary>A connection and the instance-name prefix of the composition it was written in.</summary>
internal sealed record ScopedConnection(string Name, string Scope, ConnectionSyntax Syntax);

/// <summary>
/// A setting and the prefix of the configuration it was written in: "" in an assembly,
/// <c>outer.</c> inside the configuration of compound component instance <c>outer</c>.
/// </summary>
internal sealed record ScopedSetting(string Scope, SettingSyntax Syntax);

/// <summary>Every instance (leaf, compound and unresolved), connection and setting of a system.</summary>
internal sealed class FlattenedSystem
{
    public Dictionary<string, FlatInstance> Instances { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Instances in the order they were declared, for stable output.</summary>
    public List<FlatInstance> InstanceOrder { get; } = new();

    public List<ScopedConnection> Connections { get; } = new();

    public List<ScopedSetting> Settings { get; } = new();

    /// <summary>
    /// The instances of each named group, by the group's name in its scope (<c>outer.foo</c>), for
    /// ends written <c>foo.c0.iface</c>. Kept apart from <see cref="FlatInstance.Group"/>, which an
    /// enclosing group overrides.
    /// </summary>
    public Dictionary<string, HashSet<string>> GroupMembers { get; } = new(System.StringComparer.Ordinal);
}
