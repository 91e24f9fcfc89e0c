using System.Collections.Generic;
using System.IO;
using System.Linq;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Model;
using UxRt.Camkes.Adl.Syntax;
using UxRt.Camkes.Compiler.Emit.Views;

namespace UxRt.Camkes.Compiler.Emit;

/// <summary>
/// Model → view models: every naming and typing decision about the generated C# is made here,
/// so the templates only lay out text. This half covers procedures and component base classes;
/// ViewModelBuilder.Wiring.cs covers instances and connections.
/// </summary>
internal sealed partial class ViewModelBuilder
{
    private const string Runtime = "global::UxRt.Camkes.Runtime";

    private readonly SystemModel _model;
    private readonly string _namespace;
    private readonly string _sourceFile;
    private readonly ModelIndex _index;
    private readonly InstanceSettings _settings;
    private readonly DiagnosticBag _diagnostics;

    public ViewModelBuilder(SystemModel model, string @namespace, DiagnosticBag diagnostics)
    {
        _model = model;
        _namespace = @namespace;
        _sourceFile = Path.GetFileName(model.SourcePath);
        _index = new ModelIndex(model);
        _settings = new InstanceSettings(_index);
        _diagnostics = diagnostics;
    }

    /// <summary>Whether some instance is of <paramref name="component"/>; only those get a base class.</summary>
    public bool IsInstantiated(ComponentModel component) => _index.IsInstantiated(component.Name);

    /// <summary>The procedure named <paramref name="name"/>, if the spec defines one.</summary>
    public ProcedureModel? FindProcedure(string? name) => name is null ? null : _index.Procedure(name);

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
            DataportClientName = pascal + "RpcDataportClient",
            DataportServerName = pascal + "RpcDataportServer",
            AsyncInterfaceName = AsyncInterface(procedure.Name),
            AsyncClientName = pascal + "RpcAsyncClient",
            DataportAsyncClientName = pascal + "RpcDataportAsyncClient",
            AsyncServerName = pascal + "RpcAsyncServer",
            DataportAsyncServerName = pascal + "RpcDataportAsyncServer",
            Methods = procedure.Methods.Select((m, i) => Method(m, i, pascal)).ToList(),
        };
    }

    public StructView Struct(StructModel structure)
    {
        var name = CSharpNames.Pascal(structure.Name);
        var view = new StructView { Namespace = _namespace, SourceFile = _sourceFile, AdlName = structure.Name, Name = name };
        foreach (var field in structure.Fields)
        {
            var fieldName = CSharpNames.Pascal(field.Name);
            if (field.IsArray && field.ArrayLength is { } length)
            {
                var arrayType = fieldName + "Array";
                view.InlineArrays.Add(new InlineArrayView { Name = arrayType, ElementType = CSharpTypes.Map(field.Type), Length = length });
                view.Fields.Add(new FieldView { Name = fieldName, Type = arrayType });
            }
            else
            {
                // A struct starts out zeroed, so a reference-typed field is null until set.
                var type = CSharpTypes.Map(field.Type, field.IsArray);
                view.Fields.Add(new FieldView { Name = fieldName, Type = CSharpTypes.IsReference(type) ? type + "?" : type });
            }
        }

        return view;
    }

    /// <summary>Whether the instances of <paramref name="component"/> are unicore (ADL0027 makes them agree).</summary>
    public bool IsUnicore(ComponentModel component) =>
        _model.Instances.Any(i => i.ComponentType == component.Name && IsUnicoreInstance(i.Name));

    /// <summary>Whether <paramref name="instance"/> runs on a virtual CPU (<c>threading = "unicore"</c>, set or defaulted).</summary>
    public bool IsUnicoreInstance(string instance) => _settings.Text(instance, "threading") == "unicore";

    public ComponentView Component(ComponentModel component)
    {
        var className = CSharpNames.Pascal(component.Name);
        var unicore = IsUnicore(component);
        return new ComponentView
        {
            Namespace = _namespace,
            SourceFile = _sourceFile,
            AdlName = component.Name,
            ClassName = className,
            BaseName = className + "Base",
            IsControl = component.IsControl,
            IsUnicore = unicore,
            Uses = component.Interfaces.Where(i => i.Kind == InterfaceKind.Uses).Select(i => Uses(i, unicore)).ToList(),
            Provides = component.Interfaces.Where(i => i.Kind == InterfaceKind.Provides).Select(i => Provides(i, unicore)).ToList(),
            KernelPorts = component.Interfaces.Select(KernelPort).Where(p => p is not null).Select(p => p!).Concat(TransportEndpoints(component)).ToList(),
            TransportClients = TransportClients(component),
            HasProvides = component.Interfaces.Any(i => i.Kind == InterfaceKind.Provides),
        };
    }

    private static string AsyncInterface(string procedure) => CSharpNames.Interface(procedure) + "Async";

    private MethodView Method(MethodModel method, int index, string procedurePascal)
    {
        var name = CSharpNames.Pascal(method.Name);
        var parameters = method.Parameters.Select(p =>
        {
            var type = CSharpTypes.Map(p.Type, p.IsArray);
            return new
            {
                Model = p,
                View = new ParameterView
                {
                    Name = CSharpNames.Camel(p.Name),
                    Type = type,
                    FieldName = name + CSharpNames.Pascal(p.Name),
                    WriteCall = MessageMarshalling.WriteCall(type),
                    ReadCall = MessageMarshalling.ReadCall(type),
                },
            };
        }).ToList();

        var returnType = method.ReturnType is null ? "void" : CSharpTypes.Map(method.ReturnType);
        var fields = parameters.Select(p => Field(p.View.FieldName, p.View.Type)).ToList();
        if (method.ReturnType is not null)
        {
            fields.Add(Field(name + "Result", returnType));
        }

        var view = new MethodView
        {
            Index = index,
            AdlName = method.Name,
            Name = name,
            ReturnType = returnType,
            IsVoid = method.ReturnType is null,
            ParameterList = string.Join(", ", parameters.Select(p => Modifier(p.Model.Direction) + p.View.Type + " " + p.View.Name)),
            ArgumentList = string.Join(", ", parameters.Select(p => Modifier(p.Model.Direction) + p.View.Name)),
            FrameArgumentList = string.Join(", ", parameters.Select(p => FrameModifier(p.Model.Direction) + "call." + p.View.FieldName)),
            LocalArgumentList = string.Join(", ", parameters.Select(p => (p.Model.Direction == ParameterDirection.Out ? "out var " : FrameModifier(p.Model.Direction)) + p.View.Name)),
            ResultField = name + "Result",
            ResultWriteCall = MessageMarshalling.WriteCall(returnType),
            ResultReadCall = MessageMarshalling.ReadCall(returnType),
            Parameters = parameters.Select(p => p.View).ToList(),
            Inputs = parameters.Where(p => p.Model.Direction != ParameterDirection.Out).Select(p => p.View).ToList(),
            Outputs = parameters.Where(p => p.Model.Direction is ParameterDirection.Out or ParameterDirection.InOut).Select(p => p.View).ToList(),
            Fields = fields,
        };
        AddAwaitableForm(view, procedurePascal);
        return view;
    }

    // Async methods cannot have out or ref parameters: inputs go in by value, and the return value
    // with every out/inout value comes back in one generated result type.
    private static void AddAwaitableForm(MethodView method, string procedurePascal)
    {
        const string ValueTask = "global::System.Threading.Tasks.ValueTask";
        method.AsyncName = method.Name + "Async";
        var returnsValue = !method.IsVoid || method.Outputs.Count > 0;
        method.AsyncMethodBuilder = "global::System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder" + (returnsValue ? "<>" : string.Empty);
        method.AsyncParameterList = string.Join(", ", method.Inputs.Select(p => p.Type + " " + p.Name));
        method.AsyncArgumentList = string.Join(", ", method.Inputs.Select(p => p.Name));
        method.AsyncFrameArgumentList = string.Join(", ", method.Inputs.Select(p => "call." + p.FieldName));
        if (method.Outputs.Count == 0)
        {
            method.AsyncReturnType = method.IsVoid ? ValueTask : $"{ValueTask}<{method.ReturnType}>";
            return;
        }

        var members = new List<ResultMemberView>();
        if (!method.IsVoid)
        {
            var returnName = method.Outputs.Any(o => CSharpNames.Pascal(o.Name.TrimStart('@')) == "ReturnValue") ? "ReturnValue_" : "ReturnValue";
            members.Add(ResultMember(returnName, method.ReturnType, method.ResultField, "returnValue"));
            method.ReturnMemberName = returnName;
        }

        method.OutputMembers = method.Outputs.Select(o => ResultMember(CSharpNames.Pascal(o.Name.TrimStart('@')), o.Type, o.FieldName, "received" + CSharpNames.Pascal(o.Name.TrimStart('@')))).ToList();
        members.AddRange(method.OutputMembers);
        method.ResultTypeName = procedurePascal + method.Name + "Result";
        method.ResultMembers = members;
        method.ResultConstructorArguments = string.Join(", ", members.Select(m => m.Local));
        method.AsyncReturnType = $"{ValueTask}<{method.ResultTypeName}>";
    }

    private static ResultMemberView ResultMember(string name, string type, string frameField, string local) => new()
    {
        Name = name,
        Type = type,
        FrameField = frameField,
        Local = local,
        ReadCall = MessageMarshalling.ReadCall(type),
        WriteCall = MessageMarshalling.WriteCall(type),
    };

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

    // A unicore component calls out through the awaitable form: a blocking call would stop its CPU.
    private UsesView Uses(InterfaceModel port, bool unicore)
    {
        if (IsTransport(port))
        {
            return TransportUses(port);
        }

        var property = CSharpNames.Pascal(port.Name);
        return new UsesView
        {
            AdlName = port.Name,
            Property = property,
            Field = CSharpNames.Field(port.Name),
            InterfaceType = unicore ? AsyncInterface(port.TypeName) : CSharpNames.Interface(port.TypeName),
            IsOptional = port.IsOptional,
            ConnectMethod = "Connect" + property,
        };
    }

    // A unicore component's handlers are awaitable, so they can call out without holding the CPU.
    private ProvidesView Provides(InterfaceModel port, bool unicore)
    {
        if (IsTransport(port))
        {
            return TransportProvides(port, unicore);
        }

        var portName = CSharpNames.Pascal(port.Name);
        var procedure = _index.Procedure(port.TypeName);
        return new ProvidesView
        {
            AdlName = port.Name,
            ProcedureName = port.TypeName,
            InterfaceType = unicore ? AsyncInterface(port.TypeName) : CSharpNames.Interface(port.TypeName),
            AdapterClass = portName + "Port",
            AdapterProperty = "Provided" + portName,
            Methods = procedure is null
                ? new List<ProvidedMethodView>()
                : procedure.Methods.Select((m, i) => Method(m, i, CSharpNames.Pascal(procedure.Name))).Select(m => new ProvidedMethodView
                {
                    AdlName = m.AdlName,
                    Name = unicore ? m.AsyncName : m.Name,
                    ImplementationName = portName + (unicore ? m.AsyncName : m.Name),
                    ReturnType = unicore ? m.AsyncReturnType : m.ReturnType,
                    ParameterList = unicore ? m.AsyncParameterList : m.ParameterList,
                    ArgumentList = unicore ? m.AsyncArgumentList : m.ArgumentList,
                }).ToList(),
        };
    }

    private KernelPortView? KernelPort(InterfaceModel port)
    {
        var property = CSharpNames.Pascal(port.Name);
        var view = new KernelPortView
        {
            AdlName = port.Name,
            Property = property,
            Field = CSharpNames.Field(port.Name),
            ConnectMethod = "Connect" + property,
            IsOptional = port.IsOptional,
        };

        switch (port.Kind)
        {
            case InterfaceKind.Emits:
                view.Declaration = $"emits {port.TypeName} {port.Name}";
                view.Summary = "signals every consumer connected to this event; never blocks.";
                view.Type = Runtime + ".Notifications.EventEmitter";
                view.Fallback = Runtime + ".Notifications.EventEmitter.Unconnected";
                view.IsOptional = false;
                return view;
            case InterfaceKind.Consumes:
                view.Declaration = $"{(port.IsOptional ? "maybe " : string.Empty)}consumes {port.TypeName} {port.Name}";
                view.Summary = "the event's notification: wait, poll, await, or register a callback (run on this instance's event thread).";
                view.Type = Runtime + ".Notifications.Notification";
                return view;
            case InterfaceKind.Dataport:
                view.Declaration = $"{(port.IsOptional ? "maybe " : string.Empty)}dataport {port.TypeName} {port.Name}";
                view.Summary = "the memory shared with the other ends of the connection, with this end's access rights.";
                view.Type = DataportType(port.TypeName);
                return view;
            case InterfaceKind.Mutex:
                view.Declaration = $"has mutex {port.Name}";
                view.Summary = "a mutex shared by this instance's threads.";
                view.Type = Runtime + ".Synchronisation.ComponentMutex";
                return view;
            case InterfaceKind.Semaphore:
                view.Declaration = $"has semaphore {port.Name}";
                view.Summary = $"a counting semaphore, initially <c>{port.Name}_value</c>.";
                view.Type = Runtime + ".Synchronisation.ComponentSemaphore";
                return view;
            case InterfaceKind.BinarySemaphore:
                view.Declaration = $"has binary_semaphore {port.Name}";
                view.Summary = $"a binary semaphore, initially <c>{port.Name}_value</c>.";
                view.Type = Runtime + ".Synchronisation.ComponentBinarySemaphore";
                return view;
            default:
                return null;
        }
    }

    /// <summary><c>Buf</c> and <c>Buf(n)</c> are byte regions; any other type is a struct read and written in place.</summary>
    private string DataportType(string typeName)
    {
        const string StructKeyword = "struct ";
        var type = typeName.StartsWith(StructKeyword, global::System.StringComparison.Ordinal) ? typeName.Substring(StructKeyword.Length).Trim() : typeName;
        if (type == "Buf" || type.StartsWith("Buf(", global::System.StringComparison.Ordinal))
        {
            return Runtime + ".Dataports.Dataport";
        }

        // A struct declared in the specification is generated under its C# name; any other type is the user's.
        var isSpecStruct = _index.IsStruct(type);
        return $"{Runtime}.Dataports.Dataport<{CSharpTypes.Map(new TypeModel(type, isSpecStruct))}>";
    }
}
