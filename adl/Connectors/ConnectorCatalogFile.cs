using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Adl.Connectors;

/// <summary>
/// A user's catalog entry: <c>connectors/&lt;Name&gt;/connector.catalog</c> beside the connector's
/// templates under <c>CamkesTemplatePath</c>, so a connector of one's own is one folder. Lines are
/// <c>key = value</c>; <c>#</c> starts a comment. Keys: <c>family</c> (required: <c>rpc-call</c>,
/// <c>direct-call</c>, <c>rpc-dataport</c>, <c>notification</c>, <c>shared-data</c>), <c>glue-name</c>
/// (the glue classes' infix; default the connector's name with a capital first letter),
/// <c>interface-thread</c>, <c>counts-events</c>, <c>binds-to-interface-thread</c> (<c>true</c> or
/// <c>false</c>; defaults by family), <c>node-crossing</c> (<c>carried</c>, <c>unwired</c>, <c>forbidden</c>;
/// default <c>unwired</c>, since between nodes a call travels as seL4RPCDataport's message, not through
/// the connector's own glue), <c>wiring</c> (a template path; default the family's). A procedure
/// connector's glue is the folder's <c>from.hbs</c>, <c>to.hbs</c>, <c>from-async.hbs</c>, <c>to-async.hbs</c>.
/// Every mistake is ADL0103 at its line and column.
/// </summary>
public static class ConnectorCatalogFile
{
    /// <summary>The file's name; its folder names the connector.</summary>
    public const string FileName = "connector.catalog";

    private const string Prefix = "connectors/";

    private static readonly Dictionary<string, ConnectorFamily> Families = new(System.StringComparer.Ordinal)
    {
        ["rpc-call"] = ConnectorFamily.RpcCall,
        ["direct-call"] = ConnectorFamily.DirectCall,
        ["rpc-dataport"] = ConnectorFamily.RpcDataport,
        ["notification"] = ConnectorFamily.Notification,
        ["shared-data"] = ConnectorFamily.SharedData,
    };

    private static readonly Dictionary<string, NodeCrossing> Crossings = new(System.StringComparer.Ordinal)
    {
        ["carried"] = NodeCrossing.Carried,
        ["unwired"] = NodeCrossing.Unwired,
        ["forbidden"] = NodeCrossing.Forbidden,
    };

    private static readonly string[] Keys = { "family", "glue-name", "interface-thread", "counts-events", "binds-to-interface-thread", "node-crossing", "wiring" };

    /// <summary>Whether a path under the template directory is a catalog file.</summary>
    public static bool IsCatalogFile(string relativePath) => relativePath.EndsWith("/" + FileName, System.StringComparison.Ordinal) || relativePath == FileName;

    /// <summary>
    /// Reads one catalog file; <paramref name="relativePath"/> is its path under the template
    /// directory, <paramref name="fullPath"/> where diagnostics point. Returns null after a diagnostic.
    /// </summary>
    public static ConnectorEntry? Read(string relativePath, string fullPath, string text, DiagnosticBag diagnostics)
    {
        if (text.Length > FrontEndLimits.MaxFileChars)
        {
            diagnostics.Report(DiagnosticDescriptors.LimitExceeded, SourceLocation.StartOf(fullPath), $"'{fullPath}' has {text.Length} characters; a connector catalog file may have {FrontEndLimits.MaxFileChars}");
            return null;
        }

        var folder = relativePath.Length > FileName.Length ? relativePath.Substring(0, relativePath.Length - FileName.Length - 1) : string.Empty;
        var name = folder.StartsWith(Prefix, System.StringComparison.Ordinal) ? folder.Substring(Prefix.Length) : string.Empty;
        if (name.Length == 0 || name.Contains('/') || !IsIdentifier(name))
        {
            diagnostics.Report(
                DiagnosticDescriptors.InvalidCatalogEntry,
                SourceLocation.StartOf(fullPath),
                $"a connector catalog file belongs in connectors/<Connector>/{FileName}, beside the connector's templates, not at '{relativePath}'");
            return null;
        }

        if (ConnectorCatalog.BuiltIn.Find(name) is not null)
        {
            diagnostics.Report(
                DiagnosticDescriptors.InvalidCatalogEntry,
                SourceLocation.StartOf(fullPath),
                $"connector '{name}' is built in and keeps its catalog entry; to change its glue, put templates of your own in connectors/{name}/ without a {FileName}");
            return null;
        }

        var values = new Dictionary<string, (string Value, SourceLocation Location)>(System.StringComparer.Ordinal);
        var ok = true;
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var hash = line.IndexOf('#');
            var content = hash < 0 ? line : line.Substring(0, hash);
            if (content.Trim().Length == 0)
            {
                continue;
            }

            var column = content.Length - content.TrimStart().Length + 1;
            var at = new SourceLocation(fullPath, i + 1, column, 0, content.Trim().Length);
            var equals = content.IndexOf('=');
            if (equals < 0)
            {
                ok = Fail(diagnostics, at, $"expected 'key = value', not '{FrontEndLimits.Quote(content.Trim())}'");
                continue;
            }

            var key = content.Substring(0, equals).Trim();
            var value = content.Substring(equals + 1).Trim();
            if (!Keys.Contains(key))
            {
                ok = Fail(diagnostics, at, $"unknown key '{FrontEndLimits.Quote(key)}'; a connector catalog entry has {string.Join(", ", Keys)}");
            }
            else if (values.ContainsKey(key))
            {
                ok = Fail(diagnostics, at, $"'{key}' is set twice (first on line {values[key].Location.Line})");
            }
            else
            {
                var valueColumn = equals + 2 + (content.Substring(equals + 1).Length - content.Substring(equals + 1).TrimStart().Length);
                values[key] = (value, new SourceLocation(fullPath, i + 1, valueColumn, 0, value.Length));
            }
        }

        if (!values.TryGetValue("family", out var familyText))
        {
            Fail(diagnostics, SourceLocation.StartOf(fullPath), $"connector '{name}' has no 'family'; say which glue it gets: {string.Join(", ", Families.Keys)}");
            return null;
        }

        if (!Families.TryGetValue(familyText.Value, out var family))
        {
            Fail(diagnostics, familyText.Location, $"'{FrontEndLimits.Quote(familyText.Value)}' is not a family; a connector catalog entry's family is one of {string.Join(", ", Families.Keys)}");
            return null;
        }

        var entry = new ConnectorEntry(name, family)
        {
            GlueName = char.ToUpperInvariant(name[0]) + name.Substring(1),
            GlueTemplates = family is ConnectorFamily.RpcCall or ConnectorFamily.DirectCall or ConnectorFamily.RpcDataport ? folder : null,
            NodeCrossing = family is ConnectorFamily.DirectCall or ConnectorFamily.SharedData ? NodeCrossing.Forbidden : NodeCrossing.Unwired,
            Location = SourceLocation.StartOf(fullPath),
        };

        foreach (var pair in values.Where(v => v.Key != "family"))
        {
            var (value, location) = pair.Value;
            switch (pair.Key)
            {
                case "glue-name" when IsIdentifier(value):
                    entry = entry with { GlueName = value };
                    break;
                case "glue-name":
                    ok = Fail(diagnostics, location, $"'glue-name' must be a C# identifier (it goes into the glue classes' names), not '{FrontEndLimits.Quote(value)}'");
                    break;
                case "node-crossing" when Crossings.TryGetValue(value, out var crossing):
                    entry = entry with { NodeCrossing = crossing };
                    break;
                case "node-crossing":
                    ok = Fail(diagnostics, location, $"'node-crossing' is one of {string.Join(", ", Crossings.Keys)}, not '{FrontEndLimits.Quote(value)}'");
                    break;
                case "wiring" when value.EndsWith(".hbs", System.StringComparison.Ordinal):
                    entry = entry with { WiringTemplate = value };
                    break;
                case "wiring":
                    ok = Fail(diagnostics, location, $"'wiring' names a template under the template directory (ending .hbs), not '{FrontEndLimits.Quote(value)}'");
                    break;
                default:
                    if (Flag(value) is not { } flag)
                    {
                        ok = Fail(diagnostics, location, $"'{pair.Key}' is true or false, not '{FrontEndLimits.Quote(value)}'");
                    }
                    else
                    {
                        entry = pair.Key switch
                        {
                            "interface-thread" => entry with { HasInterfaceThread = flag },
                            "counts-events" => entry with { CountsEvents = flag },
                            _ => entry with { BindsToInterfaceThread = flag },
                        };
                    }

                    break;
            }
        }

        if (entry.NodeCrossing == NodeCrossing.Carried && (entry.RemoteWiringTemplate is null || entry.GlueTemplates is not null))
        {
            // Between nodes the runtime carries calls as seL4RPCDataport's message and events as kernel
            // notifications; a connector's own glue would be skipped there, so only the plain families may say so.
            ok = Fail(diagnostics, values["node-crossing"].Location, $"between nodes the runtime carries calls as seL4RPCDataport's message and events as notifications, not through connector '{name}''s own glue or wiring; say 'unwired' or 'forbidden'");
        }

        if ((entry.CountsEvents || entry.BindsToInterfaceThread) && family != ConnectorFamily.Notification)
        {
            ok = Fail(diagnostics, SourceLocation.StartOf(fullPath), $"'counts-events' and 'binds-to-interface-thread' are for the notification family, and connector '{name}' is {familyText.Value}");
        }

        return ok ? entry : null;
    }

    private static bool? Flag(string value) => value switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');

    // Always false, so a caller can note that the file is not clean.
    private static bool Fail(DiagnosticBag diagnostics, SourceLocation location, string message)
    {
        diagnostics.Report(DiagnosticDescriptors.InvalidCatalogEntry, location, message);
        return false;
    }
}
