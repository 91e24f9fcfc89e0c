using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using UxRt.Camkes.Adl;
using UxRt.Camkes.Adl.Connectors;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Model;
using UxRt.Camkes.Adl.Syntax;
using UxRt.Camkes.Compiler.Emit.Views;

namespace UxRt.Camkes.Compiler.Emit;

/// <summary>The system half of the view models: instances with their settings, and each connection's wiring.</summary>
internal sealed partial class ViewModelBuilder
{
    private static readonly Dictionary<string, string> FaultPolicies = new(global::System.StringComparer.Ordinal)
    {
        ["continue"] = "Continue",
        ["restart"] = "Restart",
        ["stop"] = "StopSystem",
    };

    /// <param name="remoteNodes">The compilation references UxRt.Camkes.Remote (see <see cref="SystemView.RemoteNodes"/>).</param>
    public SystemView System(IEnumerable<RenderedConnection> renderedConnections, bool remoteNodes)
    {
        var nodes = global::UxRt.Camkes.Adl.Checking.PlacementRule.NodesOf(_model);
        var instances = _model.Instances.Select(Instance).Select(i => i with { NodeLiteral = CSharpNames.Literal(NodeOf(nodes, i.Name)) }).ToEquatableArray();

        var nodeNames = global::UxRt.Camkes.Adl.Checking.PlacementRule.NodeNames(_model).Select(CSharpNames.Literal).ToList();
        var manyNodes = nodeNames.Count > 1;
        return new SystemView
        {
            Namespace = _namespace,
            SourceFile = _sourceFile,
            SystemName = _model.Name,
            ClassName = SystemClassName(),
            Instances = instances,
            Nodes = nodeNames.ToEquatableArray(),
            ManyNodes = manyNodes,
            Connections = renderedConnections.Select(c => Wiring(c, nodes, remoteNodes, manyNodes)).ToEquatableArray(),
            RemoteNodes = remoteNodes,
        };
    }

    // Wired when the whole system runs in this process, or when every end is on the node it runs;
    // across nodes, through the RemoteNode when there is one.
    // A system on one node wires everything unconditionally; only several nodes need the guards.
    private static WiringView Wiring(RenderedConnection rendered, IReadOnlyDictionary<string, string> nodes, bool remoteNodes, bool manyNodes)
    {
        var ends = NodesOf(rendered.Connection, nodes);
        var remoteWiring = rendered.RemoteWiring ?? string.Empty;
        return new WiringView
        {
            Wiring = manyNodes ? Indent(rendered.Wiring) : rendered.Wiring,
            RemoteWiring = Indent(remoteWiring),
            CrossesNodes = ends.Count > 1,
            Condition = ends.Count == 1 ? $"node is null || node == {CSharpNames.Literal(ends[0])}" : "node is null",
            NameLiteral = CSharpNames.Literal(rendered.Connection.Name),
            NodesLiteral = CSharpNames.Literal(string.Join(", ", ends)),
            UnwiredReason = !remoteNodes ? "reference UxRt.Camkes.Remote to carry connections between processes"
                : remoteWiring.Length > 0 ? "Create was given no RemoteNode"
                : $"connector {rendered.Connection.ConnectorName} cannot cross nodes",
        };
    }

    // The component class a user has not written yet is CS0246 at `CreateComponent<Client>`: the
    // span form of #line maps that line (from the class name's column, 1-based) onto the instance's
    // declaration, so the error is at the spec, where the instance names its component.
    private static string CreationLineDirective(Adl.Text.SourceLocation location, int classColumn, int classLength) =>
        location.FilePath is { Length: > 0 } path
            ? string.Format(CultureInfo.InvariantCulture, "#line ({0}, {1}) - ({0}, {2}) {3} \"{4}\"", location.Line, location.Column, location.Column + global::System.Math.Max(location.Length, classLength), classColumn, path)
            : "#line default";

    private static string Indent(string wiring) =>
        string.Join("\n", wiring.Split('\n').Select(line => line.Trim().Length == 0 ? line : "    " + line));

    // The one rule (README, "How the spec maps to C#"): when the root spec's file name spells the
    // namespace's last segment, ignoring case and everything but letters and digits, the class takes
    // the segment as written, so `testnto1overload.camkes` in project `TestNto1Overload` (a CAmkES
    // app's file kept as it was) and `my-app.camkes` in `my_app` match what the dotnet-new template's
    // Program.cs names; otherwise it is the file name in PascalCase. Then `System`.
    private string SystemClassName()
    {
        var segment = _namespace.Substring(_namespace.LastIndexOf('.') + 1);
        var spellsSegment = string.Equals(LettersAndDigits(segment), LettersAndDigits(_model.Name), global::System.StringComparison.OrdinalIgnoreCase);
        return (spellsSegment && segment.Length > 0 ? segment : CSharpNames.Pascal(_model.Name)) + "System";
    }

    private static string LettersAndDigits(string name) => new(name.Where(char.IsLetterOrDigit).ToArray());

    public ConnectionView Connection(ConnectionModel connection, ConnectorEntry entry)
    {
        var procedure = ProcedureOf(connection);
        var pascal = CSharpNames.Pascal(procedure ?? connection.Name);
        var froms = connection.Ends.Where(e => e.Role == ConnectorEndRole.From).ToList();
        var tos = connection.Ends.Where(e => e.Role == ConnectorEndRole.To).ToList();
        var view = new ConnectionView
        {
            Name = connection.Name,
            Variable = CSharpNames.Camel(connection.Name + "_endpoint"),
            ConnectorName = connection.ConnectorName,
            Description = Describe(connection),
        };

        switch (entry.Family)
        {
            case ConnectorFamily.Notification:
                view = view with { NotificationMode = ConnectorFamilies.NotificationMode(entry), GlobalEndpoint = entry.ConsumesGlobalEndpoint };
                view = view with { To = tos.Select(e => KernelEnd(e, connection, entry)).ToEquatableArray() };
                var targets = TargetArray(view.To);
                view = view with { From = froms.Select((e, i) => Emitter(e, i, targets)).ToEquatableArray() };
                break;
            case ConnectorFamily.SharedData:
                view = view with { Variable = CSharpNames.Camel(connection.Name + "_region") };
                view = view with { DataportType = DataportType(InterfaceOf(connection.Ends[0].Instance, connection.Ends[0].Interface)?.TypeName ?? "Buf") };
                view = view with { RegionSize = RegionSize(connection, view.DataportType) };
                view = view with { From = froms.Select(e => DataportEnd(e, connection)).ToEquatableArray() };
                view = view with { To = tos.Select(e => DataportEnd(e, connection)).ToEquatableArray() };
                break;
            case ConnectorFamily.Transport:
                view = TransportConnection(view, froms, tos);
                break;
            case ConnectorFamily.MessageQueue:
                view = MessageQueueConnection(view, connection, froms, tos);
                break;
            case ConnectorFamily.VirtQueue:
                view = VirtQueueConnection(view, connection, froms);
                break;
            default:
                var clients = MixedProceduresOf(connection) is null
                    ? RpcClients(froms, pascal, entry)
                    : froms.Select((e, i) => Client(e, RpcBadge(e, i), CSharpNames.Pascal(ProcedureOfEnd(e) ?? pascal), entry)).ToList();
                var threads = ServerThreads(connection);
                view = view with
                {
                    From = clients.Zip(froms, (client, end) => client with { ConnectExtraArguments = CallBufferArgument(connection, end) }).ToEquatableArray(),
                    To = MixedProceduresOf(connection) is { } mixed
                        ? tos.Select(e => MixedServer(e, entry, mixed, threads)).ToEquatableArray()
                        : tos.Select(e => Server(e, entry, pascal, threads)).ToEquatableArray(),
                };
                if (entry.SignalsClients)
                {
                    view = view with
                    {
                        SignalledClients = SignalledClients(connection, view.From).ToEquatableArray(),
                        To = view.To.Zip(tos, (server, end) => server with { SignalsMember = ClientSignalsMember(end) }).ToEquatableArray(),
                    };
                }
                break;
        }

        return view;
    }

    // Each client end of an RPC connection with the badge CAmkES gives it (by its position among the from ends).
    // seL4TimeServer's clients count from 1, as its server's `the_timer_emit(badge)` expects.
    private List<ConnectionEndView> RpcClients(IReadOnlyList<ConnectionEndModel> froms, string pascal, ConnectorEntry glue) =>
        froms.Select((e, i) => Client(e, RpcBadge(e, glue.SignalsClients ? i + 1 : i), pascal, glue)).ToList();

    // How many threads serve the to end: `with N threads` in the connector's declaration, else one.
    private int ServerThreads(ConnectionModel connection) =>
        _model.Connectors.FirstOrDefault(c => c.Name == connection.ConnectorName)?.To.Threads ?? 1;

    // The expression for every notification a connection's emitters signal.
    private static string TargetArray(IEnumerable<ConnectionEndView> targets) =>
        "new[] { " + string.Join(", ", targets.Select(t => t.Variable)) + " }";

    /// <summary>A connection of a connector the spec declares and the user's templates implement.</summary>
    public UserConnectionView UserConnection(ConnectionModel connection, ProcedureModel procedure)
    {
        var pascal = CSharpNames.Pascal(connection.Name);
        var fromIndex = 0;
        return new UserConnectionView
        {
            Namespace = _namespace,
            SourceFile = _sourceFile,
            ConnectionName = connection.Name,
            ConnectorName = connection.ConnectorName,
            Description = Describe(connection),
            Procedure = Procedure(procedure),
            FromClass = pascal + "From",
            ToClass = pascal + "To",
            Variable = CSharpNames.Camel(connection.Name + "_to"),
            From = connection.Ends.Where(e => e.Role == ConnectorEndRole.From).Select(e => End(e, "Connect", RpcBadge(e, fromIndex++))).ToEquatableArray(),
            To = connection.Ends.Where(e => e.Role == ConnectorEndRole.To).Select(e => End(e, "Provided", 0)).ToEquatableArray(),
        };
    }

    private static string Describe(ConnectionModel connection) =>
        $"connection {connection.ConnectorName} {connection.Name}({string.Join(", ", connection.Ends.Select(e => $"{(e.Role == ConnectorEndRole.From ? "from" : "to")} {e.Instance}.{e.Interface}"))})";

    /// <summary>The procedure carried by a procedure connection (taken from its first end).</summary>
    /// <summary>Every procedure the connection's ends name, in end order; more than one only where the connector relaxes type checks.</summary>
    public IReadOnlyList<string> ProceduresOf(ConnectionModel connection) =>
        connection.Ends
            .Select(e => InterfaceOf(e.Instance, e.Interface))
            .Where(i => i is { Kind: InterfaceKind.Provides or InterfaceKind.Uses })
            .Select(i => i!.TypeName)
            .Distinct(global::System.StringComparer.Ordinal)
            .ToList();

    public string? ProcedureOf(ConnectionModel connection) =>
        connection.Ends
            .Select(e => InterfaceOf(e.Instance, e.Interface))
            .FirstOrDefault(i => i is { Kind: InterfaceKind.Provides or InterfaceKind.Uses })?.TypeName;

    private InstanceView Instance(InstanceModel instance)
    {
        var component = ComponentOf(instance.Name);
        var hasControl = component.IsControl ? "true" : "false";
        var options = new List<string>();
        var controlThread = ThreadSettings(
            _settings.FirstInteger(instance.Name, "_priority", "priority"),
            _settings.FirstInteger(instance.Name, "_affinity", "affinity"),
            _settings.FirstInteger(instance.Name, "_stack_size", "stack_size"),
            _settings.Flag(instance.Name, "migratable"));
        if (controlThread is not null)
        {
            options.Add("ControlThread = " + controlThread);
        }

        if (FaultPolicy(instance) is { } policy)
        {
            options.Add($"FaultPolicy = {Runtime}.Faults.FaultPolicy.{policy}");
        }

        // The unicore model (docs/architecture.md, "Threading models"): the instance owns one virtual CPU that runs all of its code.
        if (IsUnicoreInstance(instance.Name))
        {
            var holdLimit = _settings.Integer(instance.Name, "cpu_hold_limit_ms") is { } limit
                ? $", holdLimit: global::System.TimeSpan.FromMilliseconds({Number(limit)})"
                : string.Empty;
            options.Add($"Threading = new {Glue}.UnicoreThreadingModel({CSharpNames.Literal(instance.Name)}{holdLimit})");
        }

        var variable = InstanceVariable(instance.Name);
        var className = CSharpNames.Pascal(instance.ComponentType);
        return new InstanceView
        {
            Name = instance.Name,
            Variable = variable,
            ClassName = className,
            LineDirective = CreationLineDirective(instance.Location, $"        var {variable} = context.CreateComponent<".Length + 1, className.Length),
            HasControl = hasControl,
            AttributeAssignments = AttributeAssignments(instance, component).ToEquatableArray(),
            Options = options.Count == 0
                ? "hasControl: " + hasControl
                : $"new {Glue}.InstanceOptions {{ HasControl = {hasControl}, {string.Join(", ", options)} }}",
            KernelObjects = component.Interfaces.Select(i => KernelObject(instance.Name, variable, i)).OfType<KernelObjectView>().ToEquatableArray(),
            FaultHandler = FaultHandler(instance) ?? string.Empty,
        };
    }

    // Only what the configuration sets: the initialisers of the base class's ConfiguredAttributes hold the defaults.
    private List<string> AttributeAssignments(InstanceModel instance, ComponentModel component)
    {
        var view = Component(component);
        return component.Attributes
            .Zip(view.Attributes, (model, property) => (model, property))
            .Where(a => _settings.Find(instance.Name, a.model.Name) is not null)
            .Select(a => $"{a.property.Property} = {_attributeValues.Expression(a.model, _settings.Find(instance.Name, a.model.Name)!.Value)}")
            .ToList();
    }

    private string? FaultPolicy(InstanceModel instance)
    {
        if (_settings.Text(instance.Name, "fault_policy") is not { } text)
        {
            return null;
        }

        if (FaultPolicies.TryGetValue(text, out var policy))
        {
            return policy;
        }

        _diagnostics.Report(
            DiagnosticDescriptors.InvalidSettingValue,
            _settings.Find(instance.Name, "fault_policy")?.Location ?? instance.Location,
            $"setting '{instance.Name}.fault_policy' must be one of \"continue\", \"restart\", \"stop\", not \"{text}\"");
        return null;
    }

    private string? FaultHandler(InstanceModel instance)
    {
        if (_settings.Text(instance.Name, "fault_handler") is not { } handler)
        {
            return null;
        }

        if (_index.InstanceOf(handler) is not null)
        {
            return InstanceVariable(handler);
        }

        _diagnostics.Report(
            DiagnosticDescriptors.InvalidSettingValue,
            _settings.Find(instance.Name, "fault_handler")?.Location ?? instance.Location,
            $"setting '{instance.Name}.fault_handler' names no instance: '{handler}'");
        return null;
    }

    private KernelObjectView? KernelObject(string instance, string variable, InterfaceModel port) =>
        port.Kind is InterfaceKind.Mutex or InterfaceKind.Semaphore or InterfaceKind.BinarySemaphore
            ? new KernelObjectView
            {
                IsMutex = port.Kind == InterfaceKind.Mutex,
                IsSemaphore = port.Kind == InterfaceKind.Semaphore,
                IsBinarySemaphore = port.Kind == InterfaceKind.BinarySemaphore,
                NameLiteral = CSharpNames.Literal(port.Name),
                InstanceLiteral = CSharpNames.Literal(instance),
                InstanceVariable = variable,
                ConnectMethod = "Connect" + PortProperty(instance, port.Name),
                // CAmkES's defaults (component.common.c): a counting semaphore starts at 1, a binary one at 0.
                InitialValue = _settings.Integer(instance, port.Name + "_value") ?? (port.Kind == InterfaceKind.Semaphore ? 1 : 0),
            }
            : null;

    private ConnectionEndView End(ConnectionEndModel end, string memberPrefix, int badge) => new()
    {
        Instance = end.Instance,
        InstanceVariable = InstanceVariable(end.Instance),
        Interface = end.Interface,
        Member = memberPrefix + PortProperty(end.Instance, end.Interface),
        Badge = badge,
    };

    // CAmkES sets a client's badge with `<instance>.<iface>_attributes`; unset, clients count from 0.
    private int RpcBadge(ConnectionEndModel end, int index) =>
        (int)(_settings.Integer(end.Instance, end.Interface + "_attributes") ?? index);

    // The client end matches the caller's threading: a unicore caller awaits, a native one blocks.
    private ConnectionEndView Client(ConnectionEndModel end, int badge, string procedurePascal, ConnectorEntry glue)
    {
        var view = End(end, "Connect", badge);
        view = view with { GlueClass = procedurePascal + glue.GlueName + (IsUnicoreInstance(end.Instance) ? "AsyncClient" : "Client") };
        return view;
    }

    // `to Procedure with N threads` (N > 1) serves the interface with N interface threads.
    private ConnectionEndView Server(ConnectionEndModel end, ConnectorEntry glue, string procedurePascal, int threads)
    {
        var view = End(end, "Provided", 0);
        view = view with { GlueClass = procedurePascal + glue.GlueName + (IsUnicoreInstance(end.Instance) ? "AsyncServer" : "Server") };
        if (!glue.HasInterfaceThread)
        {
            view = view with { ServeMethod = "ServeDirect" };
        }
        else if (_settings.Flag(end.Instance, end.Interface + "_passive"))
        {
            view = view with { ServeMethod = "ServePassive" };
        }
        else
        {
            view = view with { ServeMethod = "Serve" };
            var thread = InterfaceThreadSettings(end.Instance, end.Interface);
            view = view with { ServeExtraArguments = (thread is null ? string.Empty : ", " + thread) + (threads > 1 ? ", threads: " + Number(threads) : string.Empty) };
        }

        return view;
    }

    private ConnectionEndView KernelEnd(ConnectionEndModel end, ConnectionModel connection, ConnectorEntry entry)
    {
        var view = End(end, "Connect", 0);
        // Named after the consumer; an instance with two ends on the connection needs the interface too.
        var instanceEnds = connection.Ends.Count(e => e.Instance == end.Instance);
        view = view with { Variable = CSharpNames.Camel(connection.Name + "_to_" + end.Instance.Replace('.', '_') + (instanceEnds > 1 ? "_" + end.Interface : string.Empty)) };
        // Checked (ADL0320) before anything is generated, so a bound consumer has its interface.
        if (entry.BindsToInterfaceThread
            && global::UxRt.Camkes.Adl.Checking.InterfaceThreadRules.BoundInterface(_model, _index, end.Instance) is { } bound)
        {
            view = view with { BindArgument = ", boundTo: " + CSharpNames.Literal(bound) };
        }

        return view;
    }

    // An emitter's badge is `<iface>_badge`; unset, each emitter gets a bit of its own so that the consumer can tell them apart.
    private ConnectionEndView Emitter(ConnectionEndModel end, int index, string targets)
    {
        var view = End(end, "Connect", (int)(_settings.Integer(end.Instance, end.Interface + "_badge") ?? (1L << (index % 31))));
        view = view with { Targets = targets };
        return view;
    }

    private ConnectionEndView DataportEnd(ConnectionEndModel end, ConnectionModel connection)
    {
        var view = End(end, "Connect", 0);
        var rights = _settings.Text(end.Instance, end.Interface + "_access") ?? "RW";
        var access = new List<string>();
        if (rights.IndexOf('R') >= 0 || rights.IndexOf('r') >= 0)
        {
            access.Add(Runtime + ".Dataports.DataportAccess.Read");
        }

        if (rights.IndexOf('W') >= 0 || rights.IndexOf('w') >= 0)
        {
            access.Add(Runtime + ".Dataports.DataportAccess.Write");
        }

        view = view with { Access = access.Count == 0 ? Runtime + ".Dataports.DataportAccess.None" : string.Join(" | ", access) };
        return view;
    }

    // A Buf region takes the largest size any end declares; a typed one is exactly its struct.
    private string RegionSize(ConnectionModel connection, string dataportType)
    {
        var genericStart = dataportType.IndexOf('<');
        if (genericStart >= 0)
        {
            var element = dataportType.Substring(genericStart + 1, dataportType.Length - genericStart - 2);
            return $"global::System.Runtime.CompilerServices.Unsafe.SizeOf<{element}>()";
        }

        var size = connection.Ends.Select(e => InterfaceOf(e.Instance, e.Interface)?.DataportSize ?? 0).DefaultIfEmpty(0).Max();
        return Number(size > 0 ? size : 4096);
    }

    // `migratable` lets the idle-core balancer move the thread (or the instance's virtual CPU) even when `affinity` pins it.
    /// <summary>The settings of the interface thread that serves <paramref name="instance"/>.<paramref name="iface"/>, as a ThreadSettings expression.</summary>
    private string? InterfaceThreadSettings(string instance, string iface) =>
        ThreadSettings(
            _settings.FirstInteger(instance, iface + "_priority", "priority"),
            _settings.FirstInteger(instance, iface + "_affinity", "affinity"),
            _settings.Integer(instance, iface + "_stack_size"),
            _settings.Integer(instance, iface + "_migratable") is { } migratable ? migratable != 0 : _settings.Flag(instance, "migratable"));

    private static string? ThreadSettings(long? priority, long? affinity, long? stackSize, bool migratable)
    {
        var arguments = new List<string>();
        if (priority is { } p)
        {
            arguments.Add("Priority: " + Number(p));
        }

        if (affinity is { } a)
        {
            arguments.Add("Affinity: " + Number(a));
        }

        if (stackSize is { } s)
        {
            arguments.Add("StackSize: " + Number(s));
        }

        if (migratable)
        {
            arguments.Add("Migratable: true");
        }

        return arguments.Count == 0 ? null : $"new {Runtime}.Threading.ThreadSettings({string.Join(", ", arguments)})";
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private ComponentModel ComponentOf(string instance) =>
        _index.ComponentOf(instance) ?? throw new System.InvalidOperationException($"the model has no instance '{instance}'");

    private InterfaceModel? InterfaceOf(string instance, string name) => _index.InterfaceOf(instance, name);

    private static string InstanceVariable(string instance) =>
        CSharpNames.Camel(instance.Replace('.', '_')) is var name && TemplateLocals.Contains(name) ? name + "Instance" : name;

    // Names system.hbs's Create() already uses for its parameter and kernel: an instance named so gets another.
    private static readonly HashSet<string> TemplateLocals = new(global::System.StringComparer.Ordinal) { "logger", "kernel", "node", "remote" };
}
