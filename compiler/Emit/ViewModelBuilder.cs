using System.Collections.Generic;
using System.IO;
using System.Linq;
using UxRt.Camkes.Adl;
using UxRt.Camkes.Adl.Connectors;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Model;
using UxRt.Camkes.Adl.Syntax;
using UxRt.Camkes.Adl.Text;
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

    // What only generated code uses: hidden from IntelliSense, kept out of the user-facing namespaces.
    private const string Glue = Runtime + ".Glue";

    private readonly SystemModel _model;
    private readonly string _namespace;
    private readonly string _sourceFile;
    private readonly ModelIndex _index;
    private readonly StructCopies _structCopies;
    private readonly InstanceSettings _settings;
    private readonly DiagnosticBag _diagnostics;
    private readonly AttributeValues _attributeValues;
    private readonly Dictionary<string, ComponentView> _components = new(global::System.StringComparer.Ordinal);
    private readonly Dictionary<(string Component, string Port), string> _portProperties = new();

    public ViewModelBuilder(SystemModel model, string @namespace, DiagnosticBag diagnostics, ConnectorCatalog catalog)
    {
        _model = model;
        _namespace = @namespace;
        _sourceFile = Path.GetFileName(model.SourcePath);
        _index = new ModelIndex(model, catalog);
        _settings = new InstanceSettings(_index);
        _diagnostics = diagnostics;
        _attributeValues = new AttributeValues(model.Structs);
        _structCopies = new StructCopies(model.Structs);
    }

    /// <summary>Whether some instance is of <paramref name="component"/>; only those get a base class.</summary>
    public bool IsInstantiated(ComponentModel component) => _index.IsInstantiated(component.Name);

    /// <summary>The procedure named <paramref name="name"/>, if the spec defines one.</summary>
    public ProcedureModel? FindProcedure(string? name) => name is null ? null : _index.Procedure(name);

    public ProcedureView Procedure(ProcedureModel procedure) => Procedure(procedure, "Rpc", throughDataport: false);

    /// <summary>
    /// The procedure as the glue of one catalog entry sees it: the glue classes of its kind (call
    /// frame or dataport) take the entry's infix (<see cref="ConnectorEntry.GlueName"/>), so a
    /// connector with glue of its own gets classes of its own.
    /// </summary>
    public ProcedureView Procedure(ProcedureModel procedure, string glueName, bool throughDataport)
    {
        var pascal = CSharpNames.Pascal(procedure.Name);
        var frame = pascal + (throughDataport ? "Rpc" : glueName);
        var dataport = pascal + (throughDataport ? glueName : "RpcDataport");
        return new ProcedureView
        {
            Namespace = _namespace,
            SourceFile = _sourceFile,
            AdlName = procedure.Name,
            Doc = DocLines(procedure.Doc),
            InterfaceName = CSharpNames.Interface(procedure.Name),
            FrameName = pascal + "CallFrame",
            ClientName = frame + "Client",
            ServerName = frame + "Server",
            DataportClientName = dataport + "Client",
            DataportServerName = dataport + "Server",
            AsyncInterfaceName = AsyncInterface(procedure.Name),
            AsyncClientName = frame + "AsyncClient",
            DataportAsyncClientName = dataport + "AsyncClient",
            AsyncServerName = frame + "AsyncServer",
            DataportAsyncServerName = dataport + "AsyncServer",
            Methods = procedure.Methods.Select((m, i) => Method(m, i, pascal)).ToEquatableArray(),
        };
    }

    // A spec comment becomes doc comment text: XML's three special characters escaped, lines kept.
    private static Adl.EquatableArray<string> DocLines(Adl.EquatableArray<string> doc) =>
        doc.Select(line => line.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;")).ToEquatableArray();

    public StructView Struct(StructModel structure)
    {
        var name = CSharpNames.Pascal(structure.Name);
        var inlineArrays = new List<InlineArrayView>();
        var fields = new List<FieldView>();
        foreach (var field in structure.Fields)
        {
            var fieldName = CSharpNames.Pascal(field.Name);
            if (field.IsArray && field.ArrayLength is { } length)
            {
                var arrayType = fieldName + "Array";
                inlineArrays.Add(new InlineArrayView { Name = arrayType, ElementType = TypeOf(field.Type), Length = length });
                fields.Add(new FieldView { Name = fieldName, Type = arrayType });
            }
            else
            {
                // A struct starts out zeroed, so a reference-typed field is null until set.
                var type = TypeOf(field.Type, field.IsArray);
                fields.Add(new FieldView { Name = fieldName, Type = CSharpTypes.IsReference(type) ? type + "?" : type });
            }
        }

        return new StructView
        {
            Namespace = _namespace,
            SourceFile = _sourceFile,
            AdlName = structure.Name,
            Name = name,
            InlineArrays = inlineArrays.ToEquatableArray(),
            Fields = fields.ToEquatableArray(),
            CopyAssignments = _structCopies.Assignments(structure).ToEquatableArray(),
        };
    }

    /// <summary>Whether the instances of <paramref name="component"/> are unicore (ADL0027 makes them agree).</summary>
    public bool IsUnicore(ComponentModel component) =>
        _model.Instances.Any(i => i.ComponentType == component.Name && IsUnicoreInstance(i.Name));

    /// <summary>Whether <paramref name="instance"/> runs on a virtual CPU (<c>threading = "unicore"</c>, set or defaulted).</summary>
    public bool IsUnicoreInstance(string instance) => _settings.Text(instance, "threading") == "unicore";

    /// <summary>The base class of <paramref name="component"/>, built once so that renaming warnings are reported once.</summary>
    public ComponentView Component(ComponentModel component)
    {
        if (!_components.TryGetValue(component.Name, out var view))
        {
            view = BuildComponent(component);
            _components[component.Name] = view;
        }

        return view;
    }

    private ComponentView BuildComponent(ComponentModel component)
    {
        var className = CSharpNames.Pascal(component.Name);
        var unicore = IsUnicore(component);
        var view = new ComponentView
        {
            Namespace = _namespace,
            SourceFile = _sourceFile,
            AdlName = component.Name,
            Doc = DocLines(component.Doc),
            ClassName = className,
            BaseName = className + "Base",
            IsControl = component.IsControl,
            IsUnicore = unicore,
            HasProvides = component.Interfaces.Any(i => i.Kind == InterfaceKind.Provides),
        };

        // Spec order decides who keeps a contested name, so renaming is deterministic.
        var names = new MemberNames(view.ClassName, view.BaseName);
        var uses = new List<UsesView>();
        var provides = new List<ProvidesView>();
        var kernelPorts = new List<KernelPortView>();
        var attributes = new List<AttributeView>();
        foreach (var port in component.Interfaces)
        {
            // A provided interface has no member of its own name, only its handlers and the Provided<X> adapter.
            var property = port.Kind == InterfaceKind.Provides
                ? CSharpNames.Pascal(port.Name)
                : Claim(names, component, port.Name, KindSuffix(port.Kind), port.Location);
            _portProperties[(component.Name, port.Name)] = property;
            if (QueuePort(component, port, property, out var noMember) is { } queuePort)
            {
                kernelPorts.Add(queuePort);
                continue;
            }

            if (noMember)
            {
                continue;
            }

            if (ClientSignalPort(component, port, property, names) is { } signalPort)
            {
                _portProperties[(component.Name, port.Name + SignalsKey)] = signalPort.Property;
                kernelPorts.Add(signalPort);
            }

            switch (port.Kind)
            {
                case InterfaceKind.Uses:
                    uses.Add(Uses(port, property, unicore));
                    break;
                case InterfaceKind.Provides:
                    provides.AddRange(ProvidesViews(component, port, property, unicore, names));
                    break;
                default:
                    if (KernelPort(port, property) is { } kernelPort)
                    {
                        kernelPorts.Add(kernelPort);
                    }

                    break;
            }
        }

        foreach (var attribute in component.Attributes)
        {
            attributes.Add(new AttributeView
            {
                AdlName = attribute.Name,
                Doc = DocLines(attribute.Doc),
                Property = Claim(names, component, attribute.Name, "Attribute", attribute.Location),
                Type = _attributeValues.Type(attribute),
                Declaration = $"attribute {(attribute.Type.Name.Length == 0 ? "struct { ... }" : attribute.Type.Name)} {attribute.Name}{(attribute.IsArray ? "[]" : string.Empty)}",
                DefaultValue = _attributeValues.Expression(attribute, attribute.DefaultValue),
                LineDirective = LineDirective(attribute.Location),
                TypeLineDirective = CSharpTypes.IsPassedThrough(attribute.Type) && !_index.IsStruct(attribute.Type.Name) && attribute.Type.Name.Length > 0
                    ? LineDirective(attribute.Location)
                    : string.Empty,
            });
        }

        // The UX/RT transport: each served path's endpoint, and the namespace of granted paths.
        kernelPorts.AddRange(TransportEndpoints(component));
        return view with
        {
            Uses = uses.ToEquatableArray(),
            Provides = provides.ToEquatableArray(),
            KernelPorts = kernelPorts.ToEquatableArray(),
            Attributes = attributes.ToEquatableArray(),
            TransportClients = TransportClients(component),
        };
    }

    /// <summary>The generated name of port <paramref name="port"/> of <paramref name="instance"/> (renamed if it collided).</summary>
    private string PortProperty(string instance, string port)
    {
        if (_index.ComponentOf(instance) is not { } component)
        {
            return CSharpNames.Pascal(port);
        }

        Component(component);
        return _portProperties.TryGetValue((component.Name, port), out var property) ? property : CSharpNames.Pascal(port);
    }

    // The generated member for a spec item, renamed (with a warning at the item) when C# or the runtime has the name.
    private string Claim(MemberNames names, ComponentModel component, string adlName, string kind, SourceLocation location)
    {
        var wanted = CSharpNames.Pascal(adlName);
        var name = names.Claim(wanted, kind, out var reason);
        // A built-in spec's renames are this framework's choice, documented with the component, not the user's to fix.
        if (reason is not null && !BuiltInLibrary.IsBuiltIn(location.FilePath))
        {
            _diagnostics.Report(
                DiagnosticDescriptors.RenamedMember,
                location,
                $"'{adlName}' of component '{component.Name}' is generated as '{name}' because {reason} (README: \"How the spec maps to C#\")");
        }

        return name;
    }

    private static string KindSuffix(InterfaceKind kind) => kind switch
    {
        InterfaceKind.Uses or InterfaceKind.Provides => "Interface",
        InterfaceKind.Emits or InterfaceKind.Consumes => "Event",
        InterfaceKind.Dataport => "Dataport",
        InterfaceKind.Mutex => "Mutex",
        _ => "Semaphore",
    };

    // The file name of #line is taken literally (no escapes), so a Windows path stays as it is.
    private static string LineDirective(SourceLocation location) =>
        location.FilePath is { Length: > 0 } path ? $"#line {location.Line} \"{path}\"" : "#line default";

    // A struct may be named without the `struct` keyword (`foo c;`); it is still the generated record struct.
    private string TypeOf(TypeModel type, bool isArray = false) =>
        CSharpTypes.Map(!type.IsStruct && _index.IsStruct(type.Name) ? type with { IsStruct = true } : type, isArray);

    private static string AsyncInterface(string procedure) => CSharpNames.Interface(procedure) + "Async";

    private MethodView Method(MethodModel method, int index, string procedurePascal)
    {
        var name = CSharpNames.Pascal(method.Name);
        var parameters = method.Parameters.Select(p => new { Model = p, View = Parameter(p, name) }).ToList();

        var returnType = method.ReturnType is null ? "void" : TypeOf(method.ReturnType);
        var fields = parameters.Select(p => Field(p.View.FieldName, p.View.Type)).ToList();
        fields.AddRange(parameters.Where(p => p.View.BufferField.Length > 0).Select(p => new FieldView { Name = p.View.BufferField, Type = p.View.Type + "?" }));
        if (method.ReturnType is not null)
        {
            fields.Add(Field(name + "Result", returnType));
        }

        var view = new MethodView
        {
            Index = index,
            AdlName = method.Name,
            Doc = DocLines(method.Doc),
            Name = name,
            ReturnType = returnType,
            IsVoid = method.ReturnType is null,
            LineDirective = LineDirective(method.Location),
            ParameterList = string.Join(", ", parameters.Select(p => Modifier(p.Model.Direction) + p.View.Type + " " + p.View.Name)),
            ArgumentList = string.Join(", ", parameters.Select(p => Modifier(p.Model.Direction) + p.View.Name)),
            FrameArgumentList = string.Join(", ", parameters.Select(p => FrameModifier(p.Model.Direction) + "call." + p.View.FieldName)),
            LocalArgumentList = string.Join(", ", parameters.Select(p => (p.Model.Direction == ParameterDirection.Out ? "out var " : FrameModifier(p.Model.Direction)) + p.View.Name)),
            ResultField = name + "Result",
            ResultCopy = method.ReturnType is null ? string.Empty : _structCopies.Copy(method.ReturnType, isArray: false, $"call.{name}Result"),
            ResultWriteCall = MessageMarshalling.WriteCall(returnType),
            ResultReadCall = MessageMarshalling.ReadCall(returnType),
            Parameters = parameters.Select(p => p.View).ToEquatableArray(),
            Inputs = parameters.Where(p => p.Model.Direction != ParameterDirection.Out).Select(p => p.View).ToEquatableArray(),
            Outputs = parameters.Where(p => p.Model.Direction is ParameterDirection.Out or ParameterDirection.InOut).Select(p => p.View).ToEquatableArray(),
            Fields = fields.ToEquatableArray(),

            // Out and inout values would reach the caller's variables before a fault could stop them.
            CallsStraightThrough = parameters.All(p => p.Model.Direction is ParameterDirection.In or ParameterDirection.RefIn && p.View.CopyIn == p.View.Name)
                && (method.ReturnType is null || _structCopies.Copy(method.ReturnType, isArray: false, "result") == "result"),
        };
        return WithAwaitableForm(view, procedurePascal);
    }

    // Arrays are copied in and out (ArgumentCopy), so neither end holds the other's memory; so
    // are the arrays inside structs (their Copied()), which a copy by value would still share.
    private ParameterView Parameter(ParameterModel parameter, string methodName)
    {
        var type = TypeOf(parameter.Type, parameter.IsArray);
        var name = CSharpNames.Camel(parameter.Name);
        var fieldName = methodName + CSharpNames.Pascal(parameter.Name);
        var isArray = type.EndsWith("[]", global::System.StringComparison.Ordinal);
        var holdsMemory = _structCopies.HoldsMemory(parameter.Type.Name);
        var pooled = isArray && !holdsMemory && parameter.Direction != ParameterDirection.Out;
        var bufferField = fieldName + "Buffer";
        var resultCopy = _structCopies.Copy(parameter.Type, isArray, "call." + fieldName);
        return new ParameterView
        {
            Name = name,
            Type = type,
            FieldName = fieldName,
            WriteCall = MessageMarshalling.WriteCall(type),
            ReadCall = MessageMarshalling.ReadCall(type),
            IsOut = parameter.Direction == ParameterDirection.Out,
            CopyIn = pooled
                ? $"{Glue}.ArgumentCopy.In({name}, ref call.{bufferField})"
                : _structCopies.Copy(parameter.Type, isArray, name),
            ResultCopy = resultCopy,
            CopyOut = isArray && !holdsMemory
                ? $"{Glue}.ArgumentCopy.Out(call.{fieldName}, {(parameter.Direction == ParameterDirection.InOut ? name : "null")})"
                : resultCopy,
            BufferField = pooled ? bufferField : string.Empty,
        };
    }

    // Async methods cannot have out or ref parameters: inputs go in by value, and the return value
    // with every out/inout value comes back in one generated result type.
    private static MethodView WithAwaitableForm(MethodView method, string procedurePascal)
    {
        const string ValueTask = "global::System.Threading.Tasks.ValueTask";
        var returnsValue = !method.IsVoid || method.Outputs.Count > 0;
        method = method with
        {
            AsyncName = method.Name + "Async",
            AwaitsResult = returnsValue,
            AsyncMethodBuilder = "global::System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder" + (returnsValue ? "<>" : string.Empty),
            AsyncParameterList = string.Join(", ", method.Inputs.Select(p => p.Type + " " + p.Name)),
            AsyncArgumentList = string.Join(", ", method.Inputs.Select(p => p.Name)),
            AsyncFrameArgumentList = string.Join(", ", method.Inputs.Select(p => "call." + p.FieldName)),
        };
        if (method.Outputs.Count == 0)
        {
            return method with { AsyncReturnType = method.IsVoid ? ValueTask : $"{ValueTask}<{method.ReturnType}>" };
        }

        var members = new List<ResultMemberView>();
        var returnName = string.Empty;
        if (!method.IsVoid)
        {
            returnName = method.Outputs.Any(o => CSharpNames.Pascal(o.Name.TrimStart('@')) == "ReturnValue") ? "ReturnValue_" : "ReturnValue";
            members.Add(ResultMember(returnName, method.ReturnType, method.ResultField, "returnValue") with { Value = method.ResultCopy });
        }

        var outputMembers = method.Outputs
            .Select(o => ResultMember(CSharpNames.Pascal(o.Name.TrimStart('@')), o.Type, o.FieldName, "received" + CSharpNames.Pascal(o.Name.TrimStart('@'))) with { Value = o.ResultCopy })
            .ToEquatableArray();
        members.AddRange(outputMembers);
        var resultTypeName = procedurePascal + method.Name + "Result";
        return method with
        {
            ReturnMemberName = returnName,
            OutputMembers = outputMembers,
            ResultTypeName = resultTypeName,
            ResultMembers = members.ToEquatableArray(),
            ResultConstructorArguments = string.Join(", ", members.Select(m => m.Local)),
            AsyncReturnType = $"{ValueTask}<{resultTypeName}>",
        };
    }

    private static ResultMemberView ResultMember(string name, string type, string frameField, string local) => new()
    {
        Name = name,
        Value = "call." + frameField,
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
    private UsesView Uses(InterfaceModel port, string property, bool unicore)
    {
        if (IsTransport(port))
        {
            return TransportUses(port, property);
        }

        return new UsesView
        {
            AdlName = port.Name,
            Property = property,
            Field = "_" + CSharpNames.Camel(property).TrimStart('@'),
            InterfaceType = unicore ? AsyncInterface(port.TypeName) : CSharpNames.Interface(port.TypeName),
            IsOptional = port.IsOptional,
            ConnectMethod = "Connect" + property,
        };
    }

    // A unicore component's handlers are awaitable, so they can call out without holding the CPU.
    // A handler is named <Interface><Method>; after a one-letter interface an underscore keeps
    // `i.process` from reading as an interface type (`I_Process`, not `IProcess`).
    // <paramref name="procedureName"/> is the port's own procedure, or (with <paramref name="adapterSuffix"/>) one of its clients' (ViewModelBuilder.NoType.cs).
    private ProvidesView Provides(ComponentModel component, InterfaceModel port, string portName, bool unicore, MemberNames names, string procedureName, string adapterSuffix)
    {
        if (IsTransport(port))
        {
            return TransportProvides(port, unicore);
        }

        var procedure = _index.Procedure(procedureName);
        var separator = portName.Length == 1 ? "_" : string.Empty;
        return new ProvidesView
        {
            AdlName = port.Name,
            ProcedureName = procedureName,
            InterfaceType = unicore ? AsyncInterface(procedureName) : CSharpNames.Interface(procedureName),
            AdapterClass = portName + adapterSuffix + "Port",
            AdapterField = "_" + CSharpNames.Camel(portName + adapterSuffix).TrimStart('@') + "Port",
            AdapterProperty = "Provided" + portName + adapterSuffix,
            Methods = procedure is null
                ? EquatableArray<ProvidedMethodView>.Empty
                : procedure.Methods.Select((m, i) => Method(m, i, CSharpNames.Pascal(procedure.Name))).Select(m =>
                {
                    var wanted = portName + separator + (unicore ? m.AsyncName : m.Name);
                    var implementation = names.Claim(wanted, "Handler", out var reason);
                    if (reason is not null)
                    {
                        _diagnostics.Report(
                            DiagnosticDescriptors.RenamedMember,
                            port.Location,
                            $"the handler of '{port.Name}.{m.AdlName}' in component '{component.Name}' is generated as '{implementation}' because {reason} (README: \"How the spec maps to C#\")");
                    }

                    return new ProvidedMethodView
                    {
                        AdlName = m.AdlName,
                        Doc = m.Doc,
                        Name = unicore ? m.AsyncName : m.Name,
                        ImplementationName = implementation,
                        ReturnType = unicore ? m.AsyncReturnType : m.ReturnType,
                        ParameterList = unicore ? m.AsyncParameterList : m.ParameterList,
                        ArgumentList = unicore ? m.AsyncArgumentList : m.ArgumentList,
                        LineDirective = m.LineDirective,
                    };
                }).ToEquatableArray(),
        };
    }

    private KernelPortView? KernelPort(InterfaceModel port, string property)
    {
        var view = new KernelPortView
        {
            AdlName = port.Name,
            Property = property,
            Field = "_" + CSharpNames.Camel(property).TrimStart('@'),
            ConnectMethod = "Connect" + property,
            IsOptional = port.IsOptional,
            LineDirective = LineDirective(port.Location),
        };

        switch (port.Kind)
        {
            case InterfaceKind.Emits:
                view = view with { Declaration = $"emits {port.TypeName} {port.Name}" };
                view = view with { Summary = "signals every consumer connected to this event; never blocks." };
                view = view with { Type = Runtime + ".Notifications.EventEmitter" };
                view = view with { Fallback = Runtime + ".Notifications.EventEmitter.Unconnected" };
                view = view with { IsOptional = false };
                return view;
            case InterfaceKind.Consumes:
                view = view with { Declaration = $"{(port.IsOptional ? "maybe " : string.Empty)}consumes {port.TypeName} {port.Name}" };
                view = view with { Summary = "the event's notification: wait, poll, await, or register a callback (run on this instance's event thread)." };
                view = view with { Type = Runtime + ".Notifications.Notification" };
                return view;
            case InterfaceKind.Dataport:
                view = view with { Declaration = $"{(port.IsOptional ? "maybe " : string.Empty)}dataport {port.TypeName} {port.Name}" };
                view = view with { Summary = "the memory shared with the other ends of the connection, with this end's access rights." };
                view = view with { Type = DataportType(port.TypeName) };
                return IsUsersDataportType(port.TypeName) ? view with { TypeLineDirective = LineDirective(port.Location) } : view;
            case InterfaceKind.Mutex:
                view = view with { Declaration = $"has mutex {port.Name}" };
                view = view with { Summary = "a mutex shared by this instance's threads." };
                view = view with { Type = Runtime + ".Synchronisation.ComponentMutex" };
                return view;
            case InterfaceKind.Semaphore:
                view = view with { Declaration = $"has semaphore {port.Name}" };
                view = view with { Summary = $"a counting semaphore, initially <c>{port.Name}_value</c> (1 when the spec does not say, as in CAmkES)." };
                view = view with { Type = Runtime + ".Synchronisation.ComponentSemaphore" };
                return view;
            case InterfaceKind.BinarySemaphore:
                view = view with { Declaration = $"has binary_semaphore {port.Name}" };
                view = view with { Summary = $"a binary semaphore, initially <c>{port.Name}_value</c> (0 when the spec does not say)." };
                view = view with { Type = Runtime + ".Synchronisation.ComponentBinarySemaphore" };
                return view;
            default:
                return null;
        }
    }

    // A dataport of a type neither Buf nor a spec struct: C# looks the type up in the user's code.
    private bool IsUsersDataportType(string typeName)
    {
        var type = StructName(typeName);
        return !(IsByteBuffer(type) || _index.IsStruct(type));
    }

    // A dataport's type as the spec may write it, `Msg` or `struct Msg`: the name alone.
    private static string StructName(string typeName) =>
        typeName.StartsWith("struct ", global::System.StringComparison.Ordinal) ? typeName.Substring("struct ".Length).Trim() : typeName;

    private static bool IsByteBuffer(string type) => type == "Buf" || type.StartsWith("Buf(", global::System.StringComparison.Ordinal);

    /// <summary><c>Buf</c> and <c>Buf(n)</c> are byte regions; any other type is a struct read and written in place.</summary>
    private string DataportType(string typeName)
    {
        var type = StructName(typeName);
        if (IsByteBuffer(type))
        {
            return Runtime + ".Dataports.Dataport";
        }

        return $"{Runtime}.Dataports.Dataport<{DataportElementType(type)}>";
    }

    // A struct declared in the specification is generated under its C# name; any other type is the user's.
    private string DataportElementType(string type) => CSharpTypes.Map(new TypeModel(type, _index.IsStruct(type)));
}
