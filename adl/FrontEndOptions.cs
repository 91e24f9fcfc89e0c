using System.Collections.Generic;
using UxRt.Camkes.Adl.Connectors;

namespace UxRt.Camkes.Adl;

/// <summary>
/// What the front end needs besides the files: the directories searched by <c>import &lt;x&gt;</c>
/// and <c>#include &lt;x&gt;</c>, preprocessor definitions (<c>-D NAME[=VALUE]</c>), and the
/// connector catalog the checks read (the built-in one, plus a user's entries).
/// </summary>
public sealed record FrontEndOptions(EquatableArray<string> IncludeDirectories, EquatableArray<Define> Defines)
{
    public ConnectorCatalog Connectors { get; init; } = ConnectorCatalog.BuiltIn;

    public static readonly FrontEndOptions Default = new(EquatableArray<string>.Empty, EquatableArray<Define>.Empty);

    public static FrontEndOptions Create(IEnumerable<string> includeDirectories, IEnumerable<Define> defines) =>
        new(includeDirectories.ToEquatableArray(), defines.ToEquatableArray());
}

/// <summary>A preprocessor definition; <see cref="Value"/> is "1" when none was given, as in cc.</summary>
public sealed record Define(string Name, string Value)
{
    /// <summary>Parses <c>NAME</c> or <c>NAME=VALUE</c>.</summary>
    public static Define Parse(string text)
    {
        var equals = text.IndexOf('=');
        return equals < 0 ? new Define(text.Trim(), "1") : new Define(text.Substring(0, equals).Trim(), text.Substring(equals + 1));
    }
}
