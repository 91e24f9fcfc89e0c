using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl.Connectors;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Model;
using UxRt.Camkes.Adl.Syntax;

namespace UxRt.Camkes.Adl.Checking;

/// <summary>
/// The UX/RT transport's rules: paths are absolute and unique (ADL0200, ADL0201), UxrtFile
/// travels only over UxrtTransport and the other way round (ADL0202), and its access and buffer
/// settings make sense (ADL0203).
/// </summary>
internal static class TransportRules
{
    public static void Check(SystemModel model, ModelIndex index, DiagnosticBag diagnostics)
    {
        CheckConnectors(model, index, diagnostics);
        CheckPaths(model, index, diagnostics);
        CheckSettings(model, index, diagnostics);
    }

    private static void CheckConnectors(SystemModel model, ModelIndex index, DiagnosticBag diagnostics)
    {
        foreach (var connection in model.Connections)
        {
            var isTransport = index.EntryOf(connection)?.Family == ConnectorFamily.Transport;
            foreach (var end in connection.Ends)
            {
                if (index.InterfaceOf(end.Instance, end.Interface) is not { Kind: InterfaceKind.Uses or InterfaceKind.Provides } port)
                {
                    continue;
                }

                var carriesTransport = port.TypeName == TransportNames.Procedure;
                if (isTransport && !carriesTransport)
                {
                    diagnostics.Report(
                        DiagnosticDescriptors.TransportConnectorMismatch,
                        end.Location.Line > 0 ? end.Location : connection.Location,
                        $"connection '{connection.Name}' is {TransportNames.Connector}, which carries only {TransportNames.Procedure}, but '{end.Instance}.{end.Interface}' is {port.TypeName}");
                }
                else if (!isTransport && carriesTransport)
                {
                    diagnostics.Report(
                        DiagnosticDescriptors.TransportConnectorMismatch,
                        end.Location.Line > 0 ? end.Location : connection.Location,
                        $"'{end.Instance}.{end.Interface}' is {TransportNames.Procedure}, which only the {TransportNames.Connector} connector carries, not {connection.ConnectorName} (connection '{connection.Name}')");
                }
            }
        }
    }

    private static void CheckPaths(SystemModel model, ModelIndex index, DiagnosticBag diagnostics)
    {
        var taken = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var instance in model.Instances)
        {
            var provided = index.ComponentOf(instance.Name)?.Interfaces
                .Where(i => i.Kind == InterfaceKind.Provides && i.TypeName == TransportNames.Procedure)
                ?? Enumerable.Empty<InterfaceModel>();
            foreach (var port in provided)
            {
                var setting = index.SettingOf(instance.Name, port.Name + TransportNames.PathSuffix);
                string path;
                if (setting is null)
                {
                    path = TransportNames.DefaultPath(instance.Name, port.Name);
                }
                else if (PathProblem(setting.Value) is { } problem)
                {
                    diagnostics.Report(DiagnosticDescriptors.InvalidTransportPath, setting.Location, $"'{instance.Name}.{setting.Attribute}' {problem}");
                    continue;
                }
                else
                {
                    path = ((StringValue)setting.Value).Value;
                }

                var owner = $"{instance.Name}.{port.Name}";
                if (taken.TryGetValue(path, out var first))
                {
                    diagnostics.Report(
                        DiagnosticDescriptors.DuplicateTransportPath,
                        setting?.Location ?? instance.Location,
                        $"path \"{path}\" of '{owner}' is already served by '{first}'; every transport endpoint needs a path of its own");
                }
                else
                {
                    taken.Add(path, owner);
                }
            }
        }
    }

    private static void CheckSettings(SystemModel model, ModelIndex index, DiagnosticBag diagnostics)
    {
        foreach (var setting in model.Settings)
        {
            if (PortOf(index, setting, TransportNames.PathSuffix) is { } pathPort
                && !(pathPort.Kind == InterfaceKind.Provides && pathPort.TypeName == TransportNames.Procedure))
            {
                diagnostics.Report(
                    DiagnosticDescriptors.InvalidTransportPath,
                    setting.Location,
                    $"'{setting.Instance}.{setting.Attribute}': only a provided {TransportNames.Procedure} interface has a path, and '{pathPort.Name}' is {Describe(pathPort)}");
            }

            if (PortOf(index, setting, TransportNames.AccessSuffix) is { Kind: InterfaceKind.Provides, TypeName: TransportNames.Procedure }
                && !(setting.Value is StringValue { Value: "R" or "W" or "RW" or "r" or "w" or "rw" }))
            {
                diagnostics.Report(
                    DiagnosticDescriptors.InvalidTransportSetting,
                    setting.Location,
                    $"'{setting.Instance}.{setting.Attribute}' must be \"R\", \"W\" or \"RW\", not {setting.Value.Describe()}");
            }

            if (PortOf(index, setting, TransportNames.BufferSizeSuffix) is { TypeName: TransportNames.Procedure } bufferPort)
            {
                if (bufferPort.Kind != InterfaceKind.Uses)
                {
                    diagnostics.Report(
                        DiagnosticDescriptors.InvalidTransportSetting,
                        setting.Location,
                        $"'{setting.Instance}.{setting.Attribute}': the shared buffer belongs to the client, so set it on the uses end");
                }
                else if (!(setting.Value is IntegerValue size && size.Value >= 1 && size.Value <= TransportNames.MaxBufferSize))
                {
                    diagnostics.Report(
                        DiagnosticDescriptors.InvalidTransportSetting,
                        setting.Location,
                        $"'{setting.Instance}.{setting.Attribute}' must be an integer from 1 to {TransportNames.MaxBufferSize}, not {setting.Value.Describe()}");
                }
            }
        }
    }

    // Why the value cannot be a path: absolute, no empty, "." or ".." parts, no trailing slash, no spaces.
    private static string? PathProblem(ConfigValue value)
    {
        if (value is not StringValue { Value: var path })
        {
            return $"must be a string path such as \"/srv/net/tx\", not {value.Describe()}";
        }

        if (!path.StartsWith("/", System.StringComparison.Ordinal) || path.Length < 2)
        {
            return $"must be an absolute path below \"/\" such as \"/srv/net/tx\", not \"{path}\"";
        }

        if (path.EndsWith("/", System.StringComparison.Ordinal) || path.Split('/').Skip(1).Any(part => part.Length == 0 || part == "." || part == ".."))
        {
            return $"must not have empty, \".\" or \"..\" parts or a trailing '/': \"{path}\"";
        }

        return path.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) ? $"must not contain spaces or control characters: \"{path}\"" : null;
    }

    private static InterfaceModel? PortOf(ModelIndex index, SettingModel setting, string suffix) =>
        setting.Attribute.Length > suffix.Length && setting.Attribute.EndsWith(suffix, System.StringComparison.Ordinal)
            ? index.InterfaceOf(setting.Instance, setting.Attribute.Substring(0, setting.Attribute.Length - suffix.Length))
            : null;

    private static string Describe(InterfaceModel port) => $"{port.Kind.ToString().ToLowerInvariant()} {port.TypeName}";
}
