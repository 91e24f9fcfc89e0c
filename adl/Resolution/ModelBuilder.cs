using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Model;
using UxRt.Camkes.Adl.Syntax;
using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Adl.Resolution;

/// <summary>
/// Stage "Resolve": names to definitions. Turns the symbol table and the (merged) assemblies into
/// a <see cref="SystemModel"/>, reporting every name that does not resolve.
/// </summary>
public sealed class ModelBuilder
{
    private readonly SymbolTable _symbols;
    private readonly DiagnosticBag _diagnostics;
    private readonly ExpressionEvaluator _evaluator;

    public ModelBuilder(SymbolTable symbols, DiagnosticBag diagnostics)
    {
        _symbols = symbols;
        _diagnostics = diagnostics;
        _evaluator = new ExpressionEvaluator(diagnostics);
    }

    public SystemModel Build(string name, string rootPath)
    {
        var compositions = _symbols.Assemblies.SelectMany(a => a.Compositions).ToList();
        var configurations = _symbols.Assemblies.SelectMany(a => a.Configurations).ToList();

        var instances = BuildInstances(compositions);
        var instancesByName = instances.ToDictionary(i => i.Name, System.StringComparer.Ordinal);
        var connections = compositions
            .SelectMany(c => c.Connections)
            .Select(c => BuildConnection(c, instancesByName))
            .OfType<ConnectionModel>()
            .ToEquatableArray();

        return new SystemModel(
            name,
            rootPath,
            _symbols.Procedures.Values.Select(BuildProcedure).ToEquatableArray(),
            _symbols.Structs.Values.Select(BuildStruct).ToEquatableArray(),
            _symbols.Components.Values.Select(BuildComponent).ToEquatableArray(),
            _symbols.Connectors.Values.Select(BuildConnector).ToEquatableArray(),
            instances.ToEquatableArray(),
            connections,
            configurations.SelectMany(c => c.Settings).Select(BuildSetting).OfType<SettingModel>().ToEquatableArray());
    }

    private List<InstanceModel> BuildInstances(List<CompositionSyntax> compositions)
    {
        var instances = new List<InstanceModel>();
        var seen = new Dictionary<string, InstanceSyntax>(System.StringComparer.Ordinal);
        var declared = compositions
            .SelectMany(c => c.Instances.Select(i => (Instance: i, Group: (string?)null))
                .Concat(c.Groups.SelectMany(g => g.Instances.Select(i => (Instance: i, Group: (string?)(g.Name ?? string.Empty))))));

        foreach (var (instance, group) in declared)
        {
            if (seen.TryGetValue(instance.Name, out var existing))
            {
                _diagnostics.Report(DiagnosticDescriptors.DuplicateDefinition, instance.Location, "instance", instance.Name, existing.Location.ToString());
                continue;
            }

            seen.Add(instance.Name, instance);
            if (!_symbols.Components.ContainsKey(instance.ComponentType))
            {
                _diagnostics.Report(DiagnosticDescriptors.UnknownName, instance.Location, "component", instance.ComponentType);
                continue;
            }

            instances.Add(new InstanceModel(instance.Name, instance.ComponentType, group, instance.Location));
        }

        return instances;
    }

    private ConnectionModel? BuildConnection(ConnectionSyntax connection, Dictionary<string, InstanceModel> instances)
    {
        var ok = true;
        if (!_symbols.Connectors.ContainsKey(connection.ConnectorName))
        {
            _diagnostics.Report(DiagnosticDescriptors.UnknownName, connection.Location, "connector", connection.ConnectorName);
            ok = false;
        }

        var ends = new List<ConnectionEndModel>();
        foreach (var end in connection.Ends)
        {
            if (!instances.TryGetValue(end.Instance, out var instance))
            {
                _diagnostics.Report(DiagnosticDescriptors.UnknownName, end.Location, "instance", end.Instance);
                ok = false;
                continue;
            }

            var component = _symbols.Components[instance.ComponentType];
            if (!component.Interfaces.Any(i => i.Name == end.Interface))
            {
                _diagnostics.Report(DiagnosticDescriptors.UnknownInterface, end.Location, instance.Name, component.Name, end.Interface);
                ok = false;
                continue;
            }

            ends.Add(new ConnectionEndModel(end.Role, instance.Name, end.Interface));
        }

        return ok ? new ConnectionModel(connection.Name, connection.ConnectorName, ends.ToEquatableArray(), connection.Location) : null;
    }

    private ProcedureModel BuildProcedure(ProcedureSyntax procedure) =>
        new(procedure.Name, procedure.Methods.Select(BuildMethod).ToEquatableArray(), procedure.Location);

    private MethodModel BuildMethod(MethodSyntax method)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var parameter in method.Parameters.Where(p => !seen.Add(p.Name)))
        {
            _diagnostics.Report(DiagnosticDescriptors.DuplicateParameter, parameter.Location, method.Name, parameter.Name);
        }

        return new MethodModel(
            method.Name,
            method.ReturnType is null ? null : BuildType(method.ReturnType),
            method.Parameters.Select(p => new ParameterModel(p.Name, p.Direction, BuildType(p.Type), p.IsArray)).ToEquatableArray(),
            method.Location);
    }

    private TypeModel BuildType(TypeSyntax type)
    {
        if (type.IsStruct && type.Name.Length > 0 && !_symbols.Structs.ContainsKey(type.Name))
        {
            _diagnostics.Report(DiagnosticDescriptors.UnknownName, type.Location, "struct", type.Name);
        }

        return new TypeModel(type.Name, type.IsStruct);
    }

    private StructModel BuildStruct(StructSyntax structure) =>
        new(
            structure.Name,
            structure.Fields.Select(f => new StructFieldModel(f.Name, BuildType(f.Type), f.IsArray, ArrayLength(f))).ToEquatableArray(),
            structure.Location);

    private long? ArrayLength(StructFieldSyntax field) =>
        field.ArrayLength is { } length && _evaluator.Evaluate(length) is IntegerValue value ? value.Value : null;

    private ComponentModel BuildComponent(ComponentSyntax component)
    {
        foreach (var port in component.Interfaces)
        {
            var known = port.Kind switch
            {
                InterfaceKind.Provides or InterfaceKind.Uses => _symbols.Procedures.ContainsKey(port.TypeName) ? null : "procedure",
                _ => null,
            };
            if (known is not null)
            {
                _diagnostics.Report(DiagnosticDescriptors.UnknownName, port.Location, known, port.TypeName);
            }
        }

        return new ComponentModel(
            component.Name,
            component.IsControl,
            component.IsHardware,
            component.Interfaces.Select(i => new InterfaceModel(i.Kind, i.TypeName, i.Name, i.IsOptional, DataportSize(i), i.Location)).ToEquatableArray(),
            component.Attributes.Select(a => new AttributeModel(a.Name, BuildType(a.Type), a.IsArray, a.DefaultValue is null ? null : _evaluator.Evaluate(a.DefaultValue))).ToEquatableArray(),
            component.Location);
    }

    private long DataportSize(InterfaceSyntax port)
    {
        const long DefaultDataportSize = 4096;
        return port.DataportSize is { } size && _evaluator.Evaluate(size) is IntegerValue value ? value.Value : DefaultDataportSize;
    }

    private ConnectorModel BuildConnector(ConnectorSyntax connector)
    {
        ConnectorEndModel End(ConnectorEndRole role)
        {
            var end = connector.Ends.FirstOrDefault(e => e.Role == role);
            if (end is null)
            {
                return new ConnectorEndModel(ConnectorEndKind.Procedure, AllowsMany: false, IsHardware: false, Threads: 1);
            }

            var threads = end.Threads is { } t && _evaluator.Evaluate(t) is IntegerValue count ? (int)count.Value : 1;
            return new ConnectorEndModel(end.Kind, end.AllowsMany, end.IsHardware, threads);
        }

        return new ConnectorModel(connector.Name, End(ConnectorEndRole.From), End(ConnectorEndRole.To), connector.Location);
    }

    private SettingModel? BuildSetting(SettingSyntax setting) =>
        setting.Value is { } value && _evaluator.Evaluate(value) is { } evaluated
            ? new SettingModel(setting.Target, setting.Attribute, evaluated, setting.Location)
            : null;
}
