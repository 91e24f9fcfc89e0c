using System.Collections.Generic;
using System.IO;
using System.Linq;
using UxRt.Camkes.Adl.Model;
using UxRt.Camkes.Adl.Syntax;
using UxRt.Camkes.Compiler.Emit.Views;

namespace UxRt.Camkes.Compiler.Emit;

/// <summary>
/// Model → view models: every naming and typing decision about the generated C# is made here,
/// so the templates only lay out text.
/// </summary>
internal sealed class ViewModelBuilder
{
    private readonly SystemModel _model;
    private readonly string _namespace;
    private readonly string _sourceFile;

    public ViewModelBuilder(SystemModel model, string @namespace)
    {
        _model = model;
        _namespace = @namespace;
        _sourceFile = Path.GetFileName(model.SourcePath);
    }

    public ProcedureView Procedure(ProcedureModel procedure)
    {
        var pascal = CSharpNames.Pascal(procedure.Name);
        return new ProcedureView
        {
            Namespace = _namespace,
            SourceFile = _sourceFile,
            AdlName = procedure.Name,
            InterfaceName = CSharpNames.Interface(procedure.Name),
            FrameName = pascal + "CallFrame",
            ClientName = pascal + "RpcClient",
            ServerName = pascal + "RpcServer",
            Methods = procedure.Methods.Select((m, i) => Method(m, i)).ToList(),
        };
    }

    public ComponentView Component(ComponentModel component)
    {
        var className = CSharpNames.Pascal(component.Name);
        return new ComponentView
        {
            Namespace = _namespace,
            SourceFile = _sourceFile,
            AdlName = component.Name,
            ClassName = className,
            BaseName = className + "Base",
            IsControl = component.IsControl,
            Uses = component.Interfaces.Where(i => i.Kind == InterfaceKind.Uses).Select(Uses).ToList(),
            Provides = component.Interfaces.Where(i => i.Kind == InterfaceKind.Provides).Select(Provides).ToList(),
        };
    }

    public SystemView System(IEnumerable<string> renderedConnections) => new()
    {
        Namespace = _namespace,
        SourceFile = _sourceFile,
        SystemName = _model.Name,
        ClassName = CSharpNames.Pascal(_model.Name) + "System",
        Instances = _model.Instances.Select(i => new InstanceView
        {
            Name = i.Name,
            Variable = InstanceVariable(i.Name),
            ClassName = CSharpNames.Pascal(i.ComponentType),
            HasControl = ComponentOf(i.Name).IsControl ? "true" : "false",
        }).ToList(),
        Connections = renderedConnections.ToList(),
    };

    public ConnectionView Connection(ConnectionModel connection)
    {
        var procedure = ProcedureOf(connection);
        var pascal = CSharpNames.Pascal(procedure ?? connection.Name);
        var fromIndex = 0;
        return new ConnectionView
        {
            Name = connection.Name,
            Variable = CSharpNames.Camel(connection.Name + "_endpoint"),
            ConnectorName = connection.ConnectorName,
            Description = $"connection {connection.ConnectorName} {connection.Name}({string.Join(", ", connection.Ends.Select(e => $"{(e.Role == ConnectorEndRole.From ? "from" : "to")} {e.Instance}.{e.Interface}"))})",
            From = connection.Ends.Where(e => e.Role == ConnectorEndRole.From).Select(e => End(e, "Connect", fromIndex++)).ToList(),
            To = connection.Ends.Where(e => e.Role == ConnectorEndRole.To).Select(e => End(e, "Provided", 0)).ToList(),
            ClientName = pascal + "RpcClient",
            ServerName = pascal + "RpcServer",
        };
    }

    /// <summary>The procedure carried by a procedure connection (taken from its first end).</summary>
    public string? ProcedureOf(ConnectionModel connection) =>
        connection.Ends
            .Select(e => InterfaceOf(e.Instance, e.Interface))
            .FirstOrDefault(i => i is { Kind: InterfaceKind.Provides or InterfaceKind.Uses })?.TypeName;

    private ConnectionEndView End(ConnectionEndModel end, string memberPrefix, int index) => new()
    {
        Instance = end.Instance,
        InstanceVariable = InstanceVariable(end.Instance),
        Interface = end.Interface,
        Member = memberPrefix + CSharpNames.Pascal(end.Interface),
        Badge = BadgeOf(end) ?? index,
    };

    // CAmkES sets a client's badge with `<instance>.<iface>_attributes`.
    private int? BadgeOf(ConnectionEndModel end) =>
        _model.Settings
            .Where(s => s.Instance == end.Instance && s.Attribute == end.Interface + "_attributes")
            .Select(s => s.Value)
            .OfType<IntegerValue>()
            .Select(v => (int?)v.Value)
            .LastOrDefault();

    private MethodView Method(MethodModel method, int index)
    {
        var name = CSharpNames.Pascal(method.Name);
        var parameters = method.Parameters.Select(p => new
        {
            Model = p,
            View = new ParameterView
            {
                Name = CSharpNames.Camel(p.Name),
                Type = CSharpTypes.Map(p.Type, p.IsArray),
                FieldName = name + CSharpNames.Pascal(p.Name),
            },
        }).ToList();

        var returnType = method.ReturnType is null ? "void" : CSharpTypes.Map(method.ReturnType);
        var fields = parameters.Select(p => Field(p.View.FieldName, p.View.Type)).ToList();
        if (method.ReturnType is not null)
        {
            fields.Add(Field(name + "Result", returnType));
        }

        return new MethodView
        {
            Index = index,
            AdlName = method.Name,
            Name = name,
            ReturnType = returnType,
            IsVoid = method.ReturnType is null,
            ParameterList = string.Join(", ", parameters.Select(p => Modifier(p.Model.Direction) + p.View.Type + " " + p.View.Name)),
            ArgumentList = string.Join(", ", parameters.Select(p => Modifier(p.Model.Direction) + p.View.Name)),
            FrameArgumentList = string.Join(", ", parameters.Select(p => FrameModifier(p.Model.Direction) + "call." + p.View.FieldName)),
            ResultField = name + "Result",
            Parameters = parameters.Select(p => p.View).ToList(),
            Inputs = parameters.Where(p => p.Model.Direction != ParameterDirection.Out).Select(p => p.View).ToList(),
            Outputs = parameters.Where(p => p.Model.Direction is ParameterDirection.Out or ParameterDirection.InOut).Select(p => p.View).ToList(),
            Fields = fields,
        };
    }

    private static FieldView Field(string name, string type) => new()
    {
        Name = name,
        Type = type,
        Initializer = CSharpTypes.IsReference(type) ? " = default!" : string.Empty,
    };

    private static string Modifier(ParameterDirection direction) => direction switch
    {
        ParameterDirection.Out => "out ",
        ParameterDirection.InOut => "ref ",
        ParameterDirection.RefIn => "in ",
        _ => string.Empty,
    };

    // A frame field can be passed straight through as out/ref; `in` needs no modifier at the call site.
    private static string FrameModifier(ParameterDirection direction) => direction switch
    {
        ParameterDirection.Out => "out ",
        ParameterDirection.InOut => "ref ",
        _ => string.Empty,
    };

    private UsesView Uses(InterfaceModel port)
    {
        var property = CSharpNames.Pascal(port.Name);
        return new UsesView
        {
            AdlName = port.Name,
            Property = property,
            Field = CSharpNames.Field(port.Name),
            InterfaceType = CSharpNames.Interface(port.TypeName),
            IsOptional = port.IsOptional,
            ConnectMethod = "Connect" + property,
        };
    }

    private ProvidesView Provides(InterfaceModel port)
    {
        var portName = CSharpNames.Pascal(port.Name);
        var procedure = _model.Procedures.FirstOrDefault(p => p.Name == port.TypeName);
        return new ProvidesView
        {
            AdlName = port.Name,
            ProcedureName = port.TypeName,
            InterfaceType = CSharpNames.Interface(port.TypeName),
            AdapterClass = portName + "Port",
            AdapterProperty = "Provided" + portName,
            Methods = procedure is null
                ? new List<ProvidedMethodView>()
                : procedure.Methods.Select((m, i) => Method(m, i)).Select(m => new ProvidedMethodView
                {
                    AdlName = m.AdlName,
                    Name = m.Name,
                    ImplementationName = portName + m.Name,
                    ReturnType = m.ReturnType,
                    ParameterList = m.ParameterList,
                    ArgumentList = m.ArgumentList,
                }).ToList(),
        };
    }

    private ComponentModel ComponentOf(string instance) =>
        _model.Components.First(c => c.Name == _model.Instances.First(i => i.Name == instance).ComponentType);

    private InterfaceModel? InterfaceOf(string instance, string name) =>
        ComponentOf(instance).Interfaces.FirstOrDefault(i => i.Name == name);

    private static string InstanceVariable(string instance) => CSharpNames.Camel(instance.Replace('.', '_'));
}
