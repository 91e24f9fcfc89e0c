using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Syntax;
using UxRt.Camkes.Adl.Text;
using static UxRt.Camkes.Adl.Parsing.Generated.CamkesParser;

namespace UxRt.Camkes.Adl.Parsing;

/// <summary>
/// Converts ANTLR's parse tree into our syntax tree. After a syntax error ANTLR may leave holes
/// (null children); every accessor here tolerates them and simply drops the broken item.
/// </summary>
internal sealed class SyntaxTreeBuilder
{
    private readonly string _filePath;
    private readonly LineMap _lineMap;
    private readonly SpecComments _comments;
    private readonly DiagnosticBag _diagnostics;

    // Expressions nest in the tree as deeply as they are long; bounding the depth bounds the stack.
    private const int MaxExpressionDepth = 256;

    /// <summary>Appended to an instance or connection name to name its anonymous component or connector.</summary>
    internal const string InlineComponentSuffix = "_component";

    internal const string InlineConnectorSuffix = "_connector";
    private int _expressionDepth;
    private bool _reportedDeepExpression;

    public SyntaxTreeBuilder(string filePath, LineMap lineMap, SpecComments comments, DiagnosticBag diagnostics)
    {
        _filePath = filePath;
        _lineMap = lineMap;
        _comments = comments;
        _diagnostics = diagnostics;
    }

    public SpecificationSyntax Build(SpecificationContext context)
    {
        var definitions = new List<DefinitionSyntax>();
        foreach (var definition in context.definition())
        {
            var built = BuildDefinition(definition);
            if (built is not null)
            {
                definitions.Add(built);
            }
        }

        return new SpecificationSyntax(_filePath, definitions.ToEquatableArray());
    }

    private DefinitionSyntax? BuildDefinition(DefinitionContext context) =>
        context.importDecl() is { } import ? BuildImport(import)
        : context.includeDecl() is { } include ? BuildInclude(include)
        : context.procedureDecl() is { } procedure ? BuildProcedure(procedure)
        : context.structDecl() is { } structure ? BuildStruct(structure)
        : context.componentDecl() is { } component ? BuildComponent(component)
        : context.connectorDecl() is { } connector ? BuildConnector(connector)
        : context.assemblyDecl() is { } assembly ? BuildAssembly(assembly)
        : context.compositionDecl() is { } composition ? BuildComposition(composition)
        : context.configurationDecl() is { } configuration ? BuildConfiguration(configuration)
        : null;

    private ImportSyntax? BuildImport(ImportDeclContext context) =>
        ImportPath(context.importPath()) is var (path, searched) && path.Length > 0
            ? new ImportSyntax(Location(context), path, searched)
            : null;

    private IncludeSyntax? BuildInclude(IncludeDeclContext context) =>
        ImportPath(context.importPath()) is var (path, searched) && path.Length > 0
            ? new IncludeSyntax(Location(context), path, searched)
            : null;

    private static (string Path, bool Searched) ImportPath(ImportPathContext? context)
    {
        if (context is null)
        {
            return (string.Empty, false);
        }

        if (context.STRING() is { } literal)
        {
            return (Unquote(literal.GetText()), false);
        }

        // <path>: the tokens between the angle brackets, taken verbatim from the input.
        var start = context.Start.StopIndex + 1;
        var stop = context.Stop.StartIndex - 1;
        var text = stop >= start ? context.Start.InputStream.GetText(new Antlr4.Runtime.Misc.Interval(start, stop)) : string.Empty;
        return (text.Trim(), true);
    }

    // ---- procedures ---------------------------------------------------------------------------

    private ProcedureSyntax? BuildProcedure(ProcedureDeclContext context)
    {
        if (Name(context.name()) is not { } name)
        {
            return null;
        }

        var items = context.procedureItem();
        var methods = items.Select(i => i.methodDecl()).Where(m => m is not null).Select(BuildMethod).OfType<MethodSyntax>();
        var attributes = items.Select(i => i.attributeDecl()).Where(a => a is not null).Select(BuildAttribute).OfType<AttributeSyntax>();
        var includes = items.Select(i => i.includeDecl()).Where(i => i is not null).Select(BuildInclude).OfType<IncludeSyntax>();
        var location = Location(context);
        return new ProcedureSyntax(location, name, methods.ToEquatableArray(), attributes.ToEquatableArray(), includes.ToEquatableArray()) { Doc = _comments.Above(location) };
    }

    private MethodSyntax? BuildMethod(MethodDeclContext context)
    {
        if (Name(context.name()) is not { } name || context.returnType() is not { } returnType)
        {
            return null;
        }

        var type = returnType.VOID() is not null ? null : BuildType(returnType.typeName());
        var parameters = context.parameterList()?.parameter() ?? System.Array.Empty<ParameterContext>();
        return new MethodSyntax(
            Location(context.name()),
            name,
            type,
            parameters.Select(BuildParameter).OfType<ParameterSyntax>().ToEquatableArray())
        {
            Doc = _comments.Above(Location(context)),
        };
    }

    private ParameterSyntax? BuildParameter(ParameterContext context)
    {
        if (Name(context.name()) is not { } name || BuildType(context.typeName()) is not { } type)
        {
            return null;
        }

        var direction = context.direction() switch
        {
            null => ParameterDirection.In,
            var d when d.OUT() is not null => ParameterDirection.Out,
            var d when d.INOUT() is not null => ParameterDirection.InOut,
            var d when d.REFIN() is not null => ParameterDirection.RefIn,
            _ => ParameterDirection.In,
        };
        return new ParameterSyntax(Location(context.name()), direction, type, name, context.arraySuffix() is not null);
    }

    private TypeSyntax? BuildType(TypeNameContext? context) => context switch
    {
        StructTypeNameContext s when Name(s.name()) is { } name =>
            new TypeSyntax(Location(s), name, IsStruct: true, EquatableArray<StructFieldSyntax>.Empty),
        InlineStructTypeNameContext s =>
            new TypeSyntax(Location(s), string.Empty, IsStruct: true, s.structField().Select(BuildField).OfType<StructFieldSyntax>().ToEquatableArray()),
        PlainTypeNameContext p when p.name().Length > 0 && CheckTypeWords(p) =>
            new TypeSyntax(Location(p), string.Join(" ", p.name().Select(n => n.GetText())), IsStruct: false, EquatableArray<StructFieldSyntax>.Empty),
        _ => null,
    };

    // Words a C type name may be made of (`unsigned int`, `long long`); anything else before the
    // type's last word is a mistake such as `inn string name`, not part of a type called `inn string`.
    private static readonly HashSet<string> TypeWords = new(System.StringComparer.Ordinal)
    {
        "signed", "unsigned", "short", "long", "int", "integer", "char", "const", "volatile",
    };

    private bool CheckTypeWords(PlainTypeNameContext type)
    {
        if (_diagnostics.Items.Count > 0)
        {
            return true; // The parser has reported this file's mistake already.
        }

        var words = type.name();
        foreach (var word in words.Take(words.Length - 1).Where(w => !TypeWords.Contains(w.GetText())))
        {
            var text = word.GetText();
            _diagnostics.Report(
                DiagnosticDescriptors.SyntaxError,
                Location(word),
                Keywords.Nearest(text) is { } keyword
                    ? $"unknown keyword '{text}'; did you mean '{keyword}'?"
                    : $"unknown word '{text}' before the type '{words[words.Length - 1].GetText()}'");
            return false;
        }

        return true;
    }

    // ---- structs ------------------------------------------------------------------------------

    private StructSyntax? BuildStruct(StructDeclContext context) =>
        Name(context.name()) is { } name
            ? new StructSyntax(Location(context), name, context.structField().Select(BuildField).OfType<StructFieldSyntax>().ToEquatableArray())
            : null;

    private StructFieldSyntax? BuildField(StructFieldContext context)
    {
        if (Name(context.name()) is not { } name || BuildType(context.typeName()) is not { } type)
        {
            return null;
        }

        var isArray = context.LBRACK() is not null;
        var length = context.expression() is { } expression ? BuildExpression(expression) : null;
        var defaultValue = context.value() is { } value ? BuildValue(value) : null;
        return new StructFieldSyntax(Location(context.name()), type, name, isArray, length, defaultValue);
    }

    // ---- components ---------------------------------------------------------------------------

    private ComponentSyntax? BuildComponent(ComponentDeclContext context) =>
        Name(context.name()) is { } name ? BuildComponentBody(context.componentBody(), name, Location(context.name())) : null;

    private ComponentSyntax BuildComponentBody(ComponentBodyContext? body, string name, SourceLocation location)
    {
        var items = body?.componentItem() ?? System.Array.Empty<ComponentItemContext>();
        var interfaces = new List<InterfaceSyntax>();
        var attributes = new List<AttributeSyntax>();
        var compositions = new List<CompositionSyntax>();
        var configurations = new List<ConfigurationSyntax>();
        var compositionReferences = new List<NamedReferenceSyntax>();
        var configurationReferences = new List<NamedReferenceSyntax>();
        var isControl = false;
        var isHardware = false;

        foreach (var item in items)
        {
            switch (item)
            {
                case ControlItemContext:
                    isControl = true;
                    break;
                case HardwareItemContext:
                    isHardware = true;
                    break;
                case ProvidesItemContext provides:
                    AddInterface(interfaces, provides, InterfaceKind.Provides, provides.name(), optional: false);
                    break;
                case UsesItemContext uses:
                    AddInterface(interfaces, uses, InterfaceKind.Uses, uses.name(), uses.MAYBE() is not null);
                    break;
                case EmitsItemContext emits:
                    AddInterface(interfaces, emits, InterfaceKind.Emits, emits.name(), optional: false);
                    break;
                case ConsumesItemContext consumes:
                    AddInterface(interfaces, consumes, InterfaceKind.Consumes, consumes.name(), consumes.MAYBE() is not null);
                    break;
                case DataportItemContext dataport:
                    AddDataport(interfaces, dataport);
                    break;
                case HasItemContext has:
                    AddSynchronisation(interfaces, has);
                    break;
                case AttributeItemContext attribute when BuildAttribute(attribute.attributeDecl()) is { } built:
                    attributes.Add(built);
                    break;
                case NestedCompositionItemContext composition when BuildComposition(composition.compositionDecl()) is { } built:
                    compositions.Add(built);
                    break;
                case NestedConfigurationItemContext configuration when BuildConfiguration(configuration.configurationDecl()) is { } built:
                    configurations.Add(built);
                    break;
                case CompositionReferenceItemContext reference when Name(reference.name()) is { } referenced:
                    compositionReferences.Add(new NamedReferenceSyntax(Location(reference.name()), referenced));
                    break;
                case ConfigurationReferenceItemContext reference when Name(reference.name()) is { } referenced:
                    configurationReferences.Add(new NamedReferenceSyntax(Location(reference.name()), referenced));
                    break;
            }
        }

        return new ComponentSyntax(
            location,
            name,
            isControl,
            isHardware,
            interfaces.ToEquatableArray(),
            attributes.ToEquatableArray(),
            compositions.ToEquatableArray(),
            configurations.ToEquatableArray(),
            compositionReferences.ToEquatableArray(),
            configurationReferences.ToEquatableArray())
        {
            Doc = _comments.Above(location),
        };
    }

    private void AddInterface(List<InterfaceSyntax> interfaces, ParserRuleContext item, InterfaceKind kind, NameContext[] names, bool optional)
    {
        if (names.Length == 2 && Name(names[0]) is { } type && Name(names[1]) is { } name)
        {
            interfaces.Add(new InterfaceSyntax(Location(names[1]), kind, type, name, optional, DataportType: null, DataportSize: null));
        }
    }

    private void AddDataport(List<InterfaceSyntax> interfaces, DataportItemContext item)
    {
        if (Name(item.name()) is not { } name || BuildType(item.dataportType()?.typeName()) is not { } type)
        {
            return;
        }

        var size = item.dataportType().expression() is { } expression ? BuildExpression(expression) : null;
        interfaces.Add(new InterfaceSyntax(Location(item.name()), InterfaceKind.Dataport, type.Name, name, item.MAYBE() is not null, type, size));
    }

    private void AddSynchronisation(List<InterfaceSyntax> interfaces, HasItemContext item)
    {
        if (Name(item.name()) is not { } name || item.synchronisationKind() is not { } kindContext)
        {
            return;
        }

        var kind = kindContext.MUTEX() is not null ? InterfaceKind.Mutex
            : kindContext.SEMAPHORE() is not null ? InterfaceKind.Semaphore
            : InterfaceKind.BinarySemaphore;
        interfaces.Add(new InterfaceSyntax(Location(item.name()), kind, kindContext.GetText(), name, IsOptional: false, DataportType: null, DataportSize: null));
    }

    private AttributeSyntax? BuildAttribute(AttributeDeclContext? context)
    {
        if (context is null || Name(context.name()) is not { } name || BuildType(context.typeName()) is not { } type)
        {
            return null;
        }

        var defaultValue = context.value() is { } value ? BuildValue(value) : null;
        return new AttributeSyntax(Location(context.name()), type, name, context.arraySuffix() is not null, defaultValue) { Doc = _comments.Above(Location(context)) };
    }

    // ---- connectors ---------------------------------------------------------------------------

    private ConnectorSyntax? BuildConnector(ConnectorDeclContext context) =>
        Name(context.name()) is { } name ? BuildConnectorItems(context.connectorItem(), name, Location(context.name())) : null;

    private ConnectorSyntax BuildConnectorItems(ConnectorItemContext[] items, string name, SourceLocation location)
    {
        var ends = new List<ConnectorEndSyntax>();
        var attributes = new List<AttributeSyntax>();
        foreach (var item in items)
        {
            if (item is ConnectorEndItemContext end && end.connectorEndType() is { } endType && end.connectorEndKeyword() is { } keyword)
            {
                var role = keyword.FROM() is not null ? ConnectorEndRole.From : ConnectorEndRole.To;
                var (kind, many) = EndType(endType);
                var threads = end.connectorEndProperty().OfType<ThreadsPropertyContext>().LastOrDefault() is { } property ? BuildExpression(property.expression()) : null;
                ends.Add(new ConnectorEndSyntax(Location(end), role, kind, many, end.HARDWARE() is not null, threads));
            }
            else if (item is ConnectorAttributeItemContext attribute && BuildAttribute(attribute.attributeDecl()) is { } built)
            {
                attributes.Add(built);
            }
        }

        return new ConnectorSyntax(location, name, ends.ToEquatableArray(), attributes.ToEquatableArray());
    }

    private static (ConnectorEndKind Kind, bool Many) EndType(ConnectorEndTypeContext context) =>
        context.PROCEDURE() is not null ? (ConnectorEndKind.Procedure, false)
        : context.PROCEDURES() is not null ? (ConnectorEndKind.Procedure, true)
        : context.EVENT() is not null ? (ConnectorEndKind.Event, false)
        : context.EVENTS() is not null ? (ConnectorEndKind.Event, true)
        : context.DATAPORT_KIND() is not null ? (ConnectorEndKind.Dataport, false)
        : (ConnectorEndKind.Dataport, true);

    // ---- assemblies ---------------------------------------------------------------------------

    private AssemblySyntax BuildAssembly(AssemblyDeclContext context)
    {
        var items = context.assemblyItem();
        return new AssemblySyntax(
            Location(context),
            context.name() is { } name ? Name(name) : null,
            items.OfType<AssemblyCompositionItemContext>().Select(i => BuildComposition(i.compositionDecl())).OfType<CompositionSyntax>().ToEquatableArray(),
            items.OfType<AssemblyConfigurationItemContext>().Select(i => BuildConfiguration(i.configurationDecl())).ToEquatableArray(),
            items.OfType<AssemblyCompositionReferenceContext>().Select(i => Reference(i.name())).OfType<NamedReferenceSyntax>().ToEquatableArray(),
            items.OfType<AssemblyConfigurationReferenceContext>().Select(i => Reference(i.name())).OfType<NamedReferenceSyntax>().ToEquatableArray());
    }

    private NamedReferenceSyntax? Reference(NameContext? context) =>
        Name(context) is { } name ? new NamedReferenceSyntax(Location(context), name) : null;

    private CompositionSyntax? BuildComposition(CompositionDeclContext? context)
    {
        if (context is null)
        {
            return null;
        }

        var instances = new List<InstanceSyntax>();
        var groups = new List<GroupSyntax>();
        var connections = new List<ConnectionSyntax>();
        var exports = new List<ExportSyntax>();
        foreach (var item in context.compositionItem())
        {
            switch (item)
            {
                case InstanceItemContext instance when BuildInstance(instance.instanceDecl()) is { } built:
                    instances.Add(built);
                    break;
                case GroupItemContext group:
                    groups.Add(new GroupSyntax(
                        Location(group),
                        group.name() is { } groupName ? Name(groupName) : null,
                        group.instanceDecl().Select(BuildInstance).OfType<InstanceSyntax>().ToEquatableArray()));
                    break;
                case ConnectionItemContext connection when BuildConnection(connection) is { } built:
                    connections.Add(built);
                    break;
                case ExportItemContext export when QualifiedName(export.qualifiedName()) is { Count: > 0 } inner && Name(export.name()) is { } outer:
                    exports.Add(new ExportSyntax(Location(export), inner, outer));
                    break;
            }
        }

        return new CompositionSyntax(
            Location(context),
            context.name() is { } name ? Name(name) : null,
            instances.ToEquatableArray(),
            groups.ToEquatableArray(),
            connections.ToEquatableArray(),
            exports.ToEquatableArray());
    }

    private InstanceSyntax? BuildInstance(InstanceDeclContext? context)
    {
        var names = context?.name();
        if (context?.componentBody() is { } body)
        {
            // CAmkES's anonymous `component { ... } name;`: the type is named after its one instance.
            if (names is not { Length: 1 } || Name(names[0]) is not { } instance)
            {
                return null;
            }

            var inline = BuildComponentBody(body, instance + InlineComponentSuffix, Location(body));
            return new InstanceSyntax(Location(names[0]), inline.Name, instance) { InlineComponent = inline };
        }

        return names is { Length: 2 } && Name(names[0]) is { } type && Name(names[1]) is { } name
            ? new InstanceSyntax(Location(names[1]), type, name) { TypeLocation = Location(names[0]) }
            : null;
    }

    private ConnectionSyntax? BuildConnection(ConnectionItemContext context)
    {
        var connectorName = context.connectorReference()?.name();
        if (context.connectorReference() is { } reference && reference.LBRACE() is not null && Name(context.name()) is { } inlineName)
        {
            // CAmkES's anonymous `connection { from ...; to ...; } name(...)`: the connector is named after its connection.
            var inlineConnector = BuildConnectorItems(reference.connectorItem(), inlineName + InlineConnectorSuffix, Location(reference));
            return new ConnectionSyntax(Location(context.name()), inlineConnector.Name, inlineName, BuildEnds(context), Location(reference))
            {
                InlineConnector = inlineConnector,
            };
        }

        if (Name(connectorName) is not { } connector || Name(context.name()) is not { } name)
        {
            return null;
        }

        return new ConnectionSyntax(Location(context.name()), connector, name, BuildEnds(context), Location(connectorName));
    }

    private EquatableArray<ConnectionEndSyntax> BuildEnds(ConnectionItemContext context)
    {
        var ends = new List<ConnectionEndSyntax>();
        foreach (var end in context.connectionEnd())
        {
            if (end.connectorEndKeyword() is { } keyword && QualifiedName(end.qualifiedName()) is { Count: > 0 } path)
            {
                var role = keyword.FROM() is not null ? ConnectorEndRole.From : ConnectorEndRole.To;
                ends.Add(new ConnectionEndSyntax(Location(end.qualifiedName()), role, path));
            }
        }

        return ends.ToEquatableArray();
    }

    // ---- configuration ------------------------------------------------------------------------

    private ConfigurationSyntax BuildConfiguration(ConfigurationDeclContext? context)
    {
        var settings = new List<SettingSyntax>();
        foreach (var setting in context?.setting() ?? System.Array.Empty<SettingContext>())
        {
            switch (setting)
            {
                case AssignSettingContext assign when QualifiedName(assign.qualifiedName()) is { Count: > 0 } path && assign.value() is { } value && BuildValue(value) is { } built:
                    settings.Add(MakeSetting(assign, path, built, EquatableArray<string>.Empty));
                    break;
                case ReferenceSettingContext reference when reference.qualifiedName() is { Length: 2 } names
                    && QualifiedName(names[0]) is { Count: > 0 } path && QualifiedName(names[1]) is { Count: > 0 } source:
                    var keys = reference.value().Select(BuildValue).ToList();
                    if (keys.All(k => k is not null))
                    {
                        settings.Add(MakeSetting(reference, path, value: null, source, keys.Select(k => k!).ToEquatableArray()));
                    }

                    break;
            }
        }

        return new ConfigurationSyntax(Location(context), context?.name() is { } name ? Name(name) : null, settings.ToEquatableArray());
    }

    private SettingSyntax MakeSetting(ParserRuleContext context, EquatableArray<string> path, ValueSyntax? value, EquatableArray<string> reference, EquatableArray<ValueSyntax> keys = default)
    {
        var target = string.Join(".", path.Take(path.Count - 1));
        return new SettingSyntax(Location(context), target, path[path.Count - 1], value, reference, keys);
    }

    // ---- values -------------------------------------------------------------------------------

    private ValueSyntax? BuildValue(ValueContext? context) => context switch
    {
        StringValueContext s => new StringValueSyntax(Location(s), string.Concat(s.STRING().Select(t => Unquote(t.GetText())))),
        ListValueContext l => new ListValueSyntax(Location(l), l.value().Select(BuildValue).OfType<ValueSyntax>().ToEquatableArray()),
        DictValueContext d => new DictValueSyntax(Location(d), d.dictEntry().Select(BuildDictEntry).OfType<DictEntrySyntax>().ToEquatableArray()),
        QueryValueContext q when Name(q.name()) is { } query => new QueryValueSyntax(Location(q), query),
        ExpressionValueContext e when BuildExpression(e.expression()) is { } expression => new ExpressionValueSyntax(Location(e), expression),
        _ => null,
    };

    private DictEntrySyntax? BuildDictEntry(DictEntryContext context)
    {
        var keyContext = context.dictKey();
        var key = keyContext is null ? null
            : keyContext.STRING().Length > 0 ? string.Concat(keyContext.STRING().Select(t => Unquote(t.GetText())))
            : keyContext.expression()?.GetText();
        return key is not null && BuildValue(context.value()) is { } value
            ? new DictEntrySyntax(Location(context), key, value)
            : null;
    }

    private ExpressionSyntax? BuildExpression(ExpressionContext? context)
    {
        if (_expressionDepth >= MaxExpressionDepth)
        {
            if (!_reportedDeepExpression)
            {
                _reportedDeepExpression = true;
                _diagnostics.Report(DiagnosticDescriptors.SyntaxError, Location(context), $"expression nested more than {MaxExpressionDepth} levels deep");
            }

            return null;
        }

        _expressionDepth++;
        try
        {
            return BuildExpressionAtDepth(context);
        }
        finally
        {
            _expressionDepth--;
        }
    }

    private ExpressionSyntax? BuildExpressionAtDepth(ExpressionContext? context)
    {
        switch (context)
        {
            case IntegerLiteralContext integer:
                return ParseInteger(integer);
            case FloatLiteralContext number:
                return double.TryParse(number.GetText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                    ? new FloatLiteralSyntax(Location(number), d)
                    : null;
            case BooleanLiteralContext boolean:
                return new BooleanLiteralSyntax(Location(boolean), boolean.TRUE() is not null);
            case NameReferenceContext reference:
                return new NameReferenceSyntax(Location(reference), reference.GetText());
            case ParenthesizedExpressionContext parenthesized:
                return BuildExpression(parenthesized.expression());
            case UnaryExpressionContext unary when BuildExpression(unary.expression()) is { } operand:
                return new UnaryExpressionSyntax(Location(unary), unary.GetChild(0).GetText(), operand);
            case BinaryExpressionContext binary when binary.expression() is { Length: 2 } operands
                && BuildExpression(operands[0]) is { } left && BuildExpression(operands[1]) is { } right:
                return new BinaryExpressionSyntax(Location(binary), binary.GetChild(1).GetText(), left, right);
            case ConditionalExpressionContext conditional when conditional.expression() is { Length: 3 } parts
                && BuildExpression(parts[0]) is { } condition && BuildExpression(parts[1]) is { } whenTrue && BuildExpression(parts[2]) is { } whenFalse:
                return new ConditionalExpressionSyntax(Location(conditional), condition, whenTrue, whenFalse);
            default:
                return null;
        }
    }

    private IntegerLiteralSyntax? ParseInteger(IntegerLiteralContext context)
    {
        if (!CIntegers.TryParseLiteral(context.GetText(), out var value))
        {
            _diagnostics.Report(DiagnosticDescriptors.SyntaxError, Location(context), $"integer literal '{context.GetText()}' is not valid or does not fit in 64 bits");
            return null;
        }

        return new IntegerLiteralSyntax(Location(context), value);
    }

    // ---- helpers ------------------------------------------------------------------------------


    private static string? Name(NameContext? context) =>
        context is null || context.exception is not null || string.IsNullOrEmpty(context.GetText()) ? null : context.GetText();

    private static EquatableArray<string>? QualifiedName(QualifiedNameContext? context) =>
        context?.name().Select(Name).ToList() is { } parts && parts.All(p => p is not null)
            ? parts.Select(p => p!).ToEquatableArray()
            : null;

    private SourceLocation Location(ParserRuleContext? context)
    {
        if (context?.Start is not { } start)
        {
            return SourceLocation.StartOf(_filePath);
        }

        var stop = context.Stop is { } s && s.StopIndex >= start.StartIndex ? s.StopIndex : start.StopIndex;
        return _lineMap.Map(start.Line, start.Column + 1, start.StartIndex, System.Math.Max(0, stop - start.StartIndex + 1));
    }

    /// <summary>
    /// Removes the quotes of a string literal. As in CAmkES (<c>"[^"]*"</c>) a backslash is an
    /// ordinary character, so values such as connectors' Isabelle specs reach the model unchanged.
    /// </summary>
    internal static string Unquote(string literal) =>
        literal.Length < 2 ? string.Empty : literal.Substring(1, literal.Length - 2);
}
