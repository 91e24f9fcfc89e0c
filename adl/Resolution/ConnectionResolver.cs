using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Model;
using UxRt.Camkes.Adl.Syntax;
using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Adl.Resolution;

/// <summary>
/// Resolves each end of each connection to a leaf instance and one of its interfaces, following
/// <c>export</c>s through compound components. Inside a compound's composition a bare name is
/// the compound's own interface; <c>group.instance.iface</c> names an instance of a named group.
/// A connection whose connector or ends do not resolve is reported and left out of the model.
/// </summary>
internal sealed class ConnectionResolver
{
    private const int MaxExportHops = 64;

    private readonly SymbolTable _symbols;
    private readonly FlattenedSystem _system;
    private readonly SystemFlattener _flattener;
    private readonly DiagnosticBag _diagnostics;
    private readonly ComponentLookup _components = new();

    public ConnectionResolver(SymbolTable symbols, FlattenedSystem system, SystemFlattener flattener, DiagnosticBag diagnostics)
    {
        _symbols = symbols;
        _system = system;
        _flattener = flattener;
        _diagnostics = diagnostics;
    }

    /// <summary>
    /// Interfaces named by connections that were left out because of another error; they count
    /// as connected so that one mistake is not reported again as "not connected".
    /// </summary>
    public HashSet<(string Instance, string Interface)> EndsOfBrokenConnections { get; } = new();

    public List<ConnectionModel> Resolve()
    {
        var connections = new List<ConnectionModel>();
        var seen = new Dictionary<string, SourceLocation>(System.StringComparer.Ordinal);
        foreach (var connection in _system.Connections)
        {
            var syntax = connection.Syntax;
            if (seen.TryGetValue(connection.Name, out var first))
            {
                _diagnostics.Report(DiagnosticDescriptors.DuplicateDefinition, syntax.Location, "connection", connection.Name, first.DescribeFrom(syntax.Location));
                continue;
            }

            seen.Add(connection.Name, syntax.Location);
            var ok = true;
            if (!_symbols.Connectors.ContainsKey(syntax.ConnectorName))
            {
                _diagnostics.Report(DiagnosticDescriptors.UnknownName, syntax.ConnectorLocation, "connector", syntax.ConnectorName);
                ok = false;
            }

            var ends = new List<ConnectionEndModel>();
            foreach (var end in syntax.Ends)
            {
                if (ResolveEnd(connection.Scope, end) is { } resolved)
                {
                    ends.Add(resolved);
                }
                else
                {
                    ok = false;
                }
            }

            if (ok)
            {
                connections.Add(new ConnectionModel(connection.Name, syntax.ConnectorName, ends.ToEquatableArray(), syntax.Location));
            }
            else
            {
                EndsOfBrokenConnections.UnionWith(ends.Select(e => (e.Instance, e.Interface)));
            }
        }

        return connections;
    }

    private ConnectionEndModel? ResolveEnd(string scope, ConnectionEndSyntax end)
    {
        if (end.Path.Count < 2)
        {
            if (scope.Length > 0)
            {
                return OwnEnd(scope.Substring(0, scope.Length - 1), end);
            }

            _diagnostics.Report(DiagnosticDescriptors.SyntaxError, end.Location, $"connection end '{end.Interface}' must name an instance and its interface: instance.interface");
            return null;
        }

        var instanceName = scope + WithoutGroup(scope, end);
        var interfaceName = end.Interface;
        for (var hop = 0; hop < MaxExportHops; hop++)
        {
            if (!_system.Instances.TryGetValue(instanceName, out var instance))
            {
                _diagnostics.Report(DiagnosticDescriptors.UnknownName, end.Location, "instance", instanceName);
                return null;
            }

            if (instance.Component is not { } component)
            {
                return null; // Its type is unknown, which is reported once at the instance.
            }

            if (!component.IsCompound)
            {
                if (_components.Interface(component, interfaceName) is null)
                {
                    _diagnostics.Report(DiagnosticDescriptors.UnknownInterface, end.Location, instanceName, component.Name, interfaceName);
                    return null;
                }

                return new ConnectionEndModel(end.Role, instanceName, interfaceName) { Location = end.Location };
            }

            var export = _flattener.Compositions(component.Compositions, component.CompositionReferences)
                .SelectMany(c => c.Exports)
                .FirstOrDefault(e => e.OuterInterface == interfaceName && e.InnerPath.Count >= 2);
            if (export is null && _components.Interface(component, interfaceName) is not null)
            {
                // Not exported: the compound implements it itself.
                return new ConnectionEndModel(end.Role, instanceName, interfaceName) { Location = end.Location };
            }

            if (export is null)
            {
                _diagnostics.Report(DiagnosticDescriptors.UnknownInterface, end.Location, instanceName, component.Name, interfaceName);
                return null;
            }

            instanceName = instance.Name + "." + string.Join(".", export.InnerPath.Take(export.InnerPath.Count - 1));
            interfaceName = export.InnerPath[export.InnerPath.Count - 1];
        }

        _diagnostics.Report(DiagnosticDescriptors.InvalidExport, end.Location, $"following the exports of '{scope + end.Instance}.{end.Interface}' takes more than {MaxExportHops} steps");
        return null;
    }

    /// <summary><c>from iface</c> inside a compound's composition: the compound's own interface.</summary>
    private ConnectionEndModel? OwnEnd(string compound, ConnectionEndSyntax end)
    {
        if (!_system.Instances.TryGetValue(compound, out var instance) || instance.Component is not { } component)
        {
            return null;
        }

        if (_components.Interface(component, end.Interface) is null)
        {
            _diagnostics.Report(DiagnosticDescriptors.UnknownInterface, end.Location, compound, component.Name, end.Interface);
            return null;
        }

        return new ConnectionEndModel(end.Role, compound, end.Interface) { Location = end.Location };
    }

    /// <summary>
    /// <c>foo.c0.port</c> where <c>c0</c> is declared in <c>group foo { ... }</c>: instances keep
    /// their own names (as in configuration), so the group's name is dropped.
    /// </summary>
    private string WithoutGroup(string scope, ConnectionEndSyntax end)
    {
        if (end.Path.Count >= 3
            && !_system.Instances.ContainsKey(scope + end.Instance)
            && _system.GroupMembers.TryGetValue(scope + end.Path[0], out var members)
            && members.Contains(scope + end.Path[1]))
        {
            return string.Join(".", end.Path.Skip(1).Take(end.Path.Count - 2));
        }

        return end.Instance;
    }
}
