using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl;
using UxRt.Camkes.Adl.Model;
using UxRt.Camkes.Adl.Syntax;
using UxRt.Camkes.Compiler.Emit.Views;

namespace UxRt.Camkes.Compiler.Emit;

/// <summary>
/// The UX/RT transport's views: a <c>uses UxrtFile</c> end is the runtime's TransportClient, a
/// <c>provides UxrtFile</c> end is a read and a write handler, and a UxrtTransport connection is
/// wired through TransportWiring with its path, rights and buffer size.
/// </summary>
internal sealed partial class ViewModelBuilder
{
    private const string Transport = Runtime + ".Transport";

    private static bool IsTransport(InterfaceModel port) => port.TypeName == TransportNames.Procedure;

    private static UsesView TransportUses(InterfaceModel port, string property)
    {
        return new UsesView
        {
            AdlName = port.Name,
            Property = property,
            Field = CSharpNames.Field(port.Name),
            InterfaceType = Transport + ".TransportClient",
            IsOptional = port.IsOptional,
            ConnectMethod = "Connect" + property,
        };
    }

    // The same handler for every message kind: the bytes come as a span (or memory, for a unicore server that may await).
    private static ProvidesView TransportProvides(InterfaceModel port, bool unicore)
    {
        var portName = CSharpNames.Pascal(port.Name);
        var (suffix, result, destination, source) = unicore
            ? ("Async", "global::System.Threading.Tasks.ValueTask<long>", "global::System.Memory<byte>", "global::System.ReadOnlyMemory<byte>")
            : (string.Empty, "long", "global::System.Span<byte>", "global::System.ReadOnlySpan<byte>");
        ProvidedMethodView Method(string adlName, string name, string buffer, string bufferName) => new()
        {
            AdlName = adlName,
            Name = name + suffix,
            ImplementationName = portName + name + suffix,
            ReturnType = result,
            ParameterList = $"{Transport}.TransportRequest request, {buffer} {bufferName}",
            ArgumentList = "request, " + bufferName,
        };

        return new ProvidesView
        {
            AdlName = port.Name,
            ProcedureName = port.TypeName,
            InterfaceType = Glue + (unicore ? ".ITransportAsyncHandler" : ".ITransportHandler"),
            AdapterClass = portName + "Port",
            AdapterField = "_" + CSharpNames.Camel(portName).TrimStart('@') + "Port",
            AdapterProperty = "Provided" + portName,
            Methods = new[] { Method("read", "Read", destination, "destination"), Method("write", "Write", source, "source") }.ToEquatableArray(),
        };
    }

    /// <summary>A served path's endpoint, handed to the server so that it can signal readiness to its clients' poll sets.</summary>
    private static IEnumerable<KernelPortView> TransportEndpoints(ComponentModel component) =>
        component.Interfaces.Where(i => i.Kind == InterfaceKind.Provides && IsTransport(i)).Select(port => new KernelPortView
        {
            AdlName = port.Name,
            Declaration = $"provides {port.TypeName} {port.Name}",
            Summary = "the transport endpoint that serves it: its path, and <c>SignalReady</c> to wake the poll sets of its clients.",
            Property = CSharpNames.Pascal(port.Name) + "Endpoint",
            Field = CSharpNames.Field(port.Name + "_endpoint"),
            Type = Transport + ".TransportEndpoint",
            ConnectMethod = "Connect" + CSharpNames.Pascal(port.Name) + "Endpoint",
        });

    /// <summary>The fields of the component's transport clients, from which its namespace of granted paths is built; empty when it has none.</summary>
    private static string TransportClients(ComponentModel component) =>
        string.Join(", ", component.Interfaces.Where(i => i.Kind == InterfaceKind.Uses && IsTransport(i)).Select(i => CSharpNames.Field(i.Name)));

    private ConnectionView TransportConnection(ConnectionView view, IReadOnlyList<ConnectionEndModel> froms, IReadOnlyList<ConnectionEndModel> tos)
    {
        var servers = tos.Select(end =>
        {
            var server = End(end, "Provided", 0);
            server = server with { EndpointMember = "Connect" + CSharpNames.Pascal(end.Interface) + "Endpoint" };
            server = server with { Path = CSharpNames.Literal(_settings.Text(end.Instance, end.Interface + TransportNames.PathSuffix) ?? TransportNames.DefaultPath(end.Instance, end.Interface)) };
            var rights = (_settings.Text(end.Instance, end.Interface + TransportNames.AccessSuffix) ?? "RW").ToUpperInvariant();
            var access = new List<string>();
            if (rights.Contains("R"))
            {
                access.Add(Runtime + ".Dataports.DataportAccess.Read");
            }

            if (rights.Contains("W"))
            {
                access.Add(Runtime + ".Dataports.DataportAccess.Write");
            }

            server = server with { Access = access.Count == 0 ? Runtime + ".Dataports.DataportAccess.None" : string.Join(" | ", access) };
            var passive = _settings.Flag(end.Instance, end.Interface + "_passive");
            var thread = passive ? null : InterfaceThreadSettings(end.Instance, end.Interface);
            server = server with { ServeExtraArguments = (passive ? ", passive: true" : string.Empty) + (thread is null ? string.Empty : ", thread: " + thread) };
            return server;
        }).ToEquatableArray();

        var index = 0;
        var clients = froms.Select(end =>
        {
            var client = End(end, "Connect", RpcBadge(end, index++));
            client = client with { BufferSize = Number(_settings.Integer(end.Instance, end.Interface + TransportNames.BufferSizeSuffix) ?? 65536) };
            return client;
        }).ToEquatableArray();
        return view with { To = servers, From = clients };
    }
}
