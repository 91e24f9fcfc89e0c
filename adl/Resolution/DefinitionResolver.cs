using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl.Checking;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Model;
using UxRt.Camkes.Adl.Syntax;
using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Adl.Resolution;

/// <summary>
/// Resolves the type-like definitions — procedures, structs, components, connectors — into their
/// models, reporting names that do not resolve and duplicates inside one definition.
/// </summary>
internal sealed class DefinitionResolver
{
    private const long DefaultDataportSize = 4096;

    // Dataports are memory the runtime allocates; a size beyond this is a typo, not a design.
    private const long MaxDataportSize = 1L << 30;

    private readonly SymbolTable _symbols;
    private readonly DiagnosticBag _diagnostics;
    private readonly ExpressionEvaluator _evaluator;
    private readonly AttributeValueChecker _attributeValues;

    public DefinitionResolver(SymbolTable symbols, DiagnosticBag diagnostics)
    {
        _symbols = symbols;
        _diagnostics = diagnostics;
        _evaluator = new ExpressionEvaluator(diagnostics);
        _attributeValues = new AttributeValueChecker(symbols, diagnostics);
    }

    public ProcedureModel Procedure(ProcedureSyntax procedure)
    {
        ReportDuplicates(procedure.Methods, m => m.Name, m => m.Location, "method");
        return new ProcedureModel(procedure.Name, procedure.Methods.Select(Method).ToEquatableArray(), procedure.Location) { Doc = procedure.Doc };
    }

    private MethodModel Method(MethodSyntax method)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var parameter in method.Parameters.Where(p => !seen.Add(p.Name)))
        {
            _diagnostics.Report(DiagnosticDescriptors.DuplicateParameter, parameter.Location, method.Name, parameter.Name);
        }

        return new MethodModel(
            method.Name,
            method.ReturnType is null ? null : Type(method.ReturnType),
            method.Parameters.Select(p => new ParameterModel(p.Name, p.Direction, Type(p.Type), p.IsArray)).ToEquatableArray(),
            method.Location)
        {
            Doc = method.Doc,
        };
    }

    public TypeModel Type(TypeSyntax type)
    {
        if (type.IsStruct && type.Name.Length > 0 && !_symbols.Structs.ContainsKey(type.Name))
        {
            _diagnostics.Report(DiagnosticDescriptors.UnknownName, type.Location, "struct", type.Name);
        }

        ReportDuplicates(type.InlineFields, f => f.Name, f => f.Location, "field");
        return new TypeModel(type.Name, type.IsStruct);
    }

    public StructModel Struct(StructSyntax structure)
    {
        ReportDuplicates(structure.Fields, f => f.Name, f => f.Location, "field");
        foreach (var field in structure.Fields.Where(f => f.DefaultValue is not null))
        {
            if (_evaluator.Evaluate(field.DefaultValue!) is { } value)
            {
                _attributeValues.Check(field.Type, field.IsArray, value, field.DefaultValue!.Location, $"default of field '{structure.Name}.{field.Name}'");
            }
        }

        return new StructModel(
            structure.Name,
            structure.Fields.Select(f => new StructFieldModel(f.Name, Type(f.Type), f.IsArray, ArrayLength(f))).ToEquatableArray(),
            structure.Location);
    }

    private long? ArrayLength(StructFieldSyntax field) =>
        field.ArrayLength is { } length && _evaluator.Evaluate(length) is IntegerValue value ? value.Value : null;

    public ComponentModel Component(ComponentSyntax component)
    {
        ReportDuplicates(component.Interfaces, i => i.Name, i => i.Location, "interface");
        ReportDuplicates(component.Attributes, a => a.Name, a => a.Location, "attribute");
        foreach (var port in component.Interfaces.Where(p => p.Kind is InterfaceKind.Provides or InterfaceKind.Uses))
        {
            if (!_symbols.Procedures.ContainsKey(port.TypeName))
            {
                _diagnostics.Report(DiagnosticDescriptors.UnknownName, port.Location, "procedure", port.TypeName);
            }
        }

        foreach (var port in component.Interfaces.Where(p => p.DataportType is not null))
        {
            Type(port.DataportType!);
        }

        var attributes = component.Attributes.Select(Attribute).ToEquatableArray();
        CheckWellKnownDefaults(component, attributes);
        return new ComponentModel(
            component.Name,
            component.IsControl,
            component.IsHardware,
            component.Interfaces.Select(i => new InterfaceModel(i.Kind, i.TypeName, i.Name, i.IsOptional, DataportSize(i), i.Location)).ToEquatableArray(),
            attributes,
            component.Location)
        {
            Doc = component.Doc,
        };
    }

    /// <summary>A default such as <c>attribute string threading = "unicore";</c> is held to the same rules as a setting.</summary>
    private void CheckWellKnownDefaults(ComponentSyntax component, EquatableArray<AttributeModel> attributes)
    {
        var interfaces = component.Interfaces.Select(i => (i.Name, i.Kind)).ToList();
        foreach (var (syntax, model) in component.Attributes.Zip(attributes, (s, m) => (s, m)))
        {
            if (model.DefaultValue is { } value && WellKnownSettings.Validate(model.Name, value, interfaces) is { } problem)
            {
                _diagnostics.Report(DiagnosticDescriptors.InvalidSettingValue, syntax.DefaultValue!.Location, $"the default of '{component.Name}.{model.Name}' {problem}");
            }
        }
    }

    public AttributeModel Attribute(AttributeSyntax attribute)
    {
        ConfigValue? value = null;
        if (attribute.DefaultValue is { } syntax && _evaluator.Evaluate(syntax) is { } evaluated)
        {
            value = evaluated;
            _attributeValues.Check(attribute.Type, attribute.IsArray, evaluated, syntax.Location, $"default of attribute '{attribute.Name}'");
        }

        return new AttributeModel(attribute.Name, Type(attribute.Type), attribute.IsArray, value) { Location = attribute.Location, Doc = attribute.Doc };
    }

    private long DataportSize(InterfaceSyntax port)
    {
        if (port.DataportSize is not { } size)
        {
            return DefaultDataportSize;
        }

        switch (_evaluator.Evaluate(size))
        {
            case IntegerValue { Value: > 0 and <= MaxDataportSize } value:
                return value.Value;
            case null:
                return DefaultDataportSize;
            default:
                _diagnostics.Report(DiagnosticDescriptors.InvalidSettingValue, size.Location, $"the size of dataport '{port.Name}' must be an integer from 1 to {MaxDataportSize} (1 GiB)");
                return DefaultDataportSize;
        }
    }

    public ConnectorModel Connector(ConnectorSyntax connector)
    {
        ReportDuplicates(connector.Attributes, a => a.Name, a => a.Location, "attribute");
        ConnectorEndModel End(ConnectorEndRole role)
        {
            var ends = connector.Ends.Where(e => e.Role == role).ToList();
            var keyword = role == ConnectorEndRole.From ? "from" : "to";
            if (ends.Count == 0)
            {
                _diagnostics.Report(DiagnosticDescriptors.MissingConnectionEnd, connector.Location, $"connector '{connector.Name}' declares no '{keyword}' end");
                return new ConnectorEndModel(ConnectorEndKind.Procedure, AllowsMany: false, IsHardware: false, Threads: 1);
            }

            foreach (var extra in ends.Skip(1))
            {
                _diagnostics.Report(DiagnosticDescriptors.DuplicateDefinition, extra.Location, $"'{keyword}' end of connector", connector.Name, ends[0].Location.DescribeFrom(extra.Location));
            }

            var end = ends[0];
            var threads = 1;
            if (end.Threads is { } expression)
            {
                switch (_evaluator.Evaluate(expression))
                {
                    case IntegerValue { Value: >= 0 and <= 1024 } count:
                        threads = (int)count.Value;
                        break;
                    case null:
                        break;
                    default:
                        _diagnostics.Report(DiagnosticDescriptors.InvalidSettingValue, expression.Location, "the thread count of a connector end must be an integer from 0 to 1024");
                        break;
                }
            }

            return new ConnectorEndModel(end.Kind, end.AllowsMany, end.IsHardware, threads);
        }

        return new ConnectorModel(connector.Name, End(ConnectorEndRole.From), End(ConnectorEndRole.To), connector.Location)
        {
            Attributes = connector.Attributes.Select(Attribute).ToEquatableArray(),
        };
    }

    private void ReportDuplicates<T>(IEnumerable<T> items, System.Func<T, string> name, System.Func<T, SourceLocation> location, string kind)
    {
        var seen = new Dictionary<string, SourceLocation>(System.StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (seen.TryGetValue(name(item), out var first))
            {
                _diagnostics.Report(DiagnosticDescriptors.DuplicateDefinition, location(item), kind, name(item), first.DescribeFrom(location(item)));
            }
            else
            {
                seen.Add(name(item), location(item));
            }
        }
    }
}
