using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl;
using UxRt.Camkes.Adl.Connectors;
using UxRt.Camkes.Adl.Model;
using UxRt.Camkes.Adl.Syntax;
using UxRt.Camkes.Compiler.Emit.Views;

namespace UxRt.Camkes.Compiler.Emit;

/// <summary>
/// seL4RPCCallNoType between clients of different procedures and one server interface (CAmkES's
/// cakeml_hello: <c>from client.h, from client.g, to hello.s</c>, where <c>s</c> names a blank
/// procedure). CAmkES leaves the CakeML server to decode the calls; here the server interface
/// implements every client's procedure, each with its own handlers (<c>S_Hello</c>, <c>S_Bye</c>:
/// CakeML's <c>s_hello</c>, <c>s_bye</c>), behind one endpoint that tells the calls apart by their frame.
/// </summary>
internal sealed partial class ViewModelBuilder
{
    private Dictionary<(string Component, string Port), List<string>>? _mixedPorts;

    /// <summary>The procedures of a connection's client ends, in end order, when they are not all the server's.</summary>
    public IReadOnlyList<string>? MixedProceduresOf(ConnectionModel connection) =>
        ProceduresOf(connection).Count > 1
            ? connection.Ends.Where(e => e.Role == ConnectorEndRole.From)
                .Select(e => InterfaceOf(e.Instance, e.Interface)?.TypeName)
                .OfType<string>()
                .Distinct(global::System.StringComparer.Ordinal)
                .ToList()
            : null;

    /// <summary>The procedure of one end of a connection: its own interface's type.</summary>
    public string? ProcedureOfEnd(ConnectionEndModel end) => InterfaceOf(end.Instance, end.Interface)?.TypeName;

    // Every (component, provided interface) that is the to end of such a connection, with the procedures it serves.
    private Dictionary<(string Component, string Port), List<string>> MixedPorts()
    {
        if (_mixedPorts is not null)
        {
            return _mixedPorts;
        }

        _mixedPorts = new Dictionary<(string Component, string Port), List<string>>();
        foreach (var connection in _model.Connections)
        {
            if (MixedProceduresOf(connection) is not { } procedures)
            {
                continue;
            }

            foreach (var end in connection.Ends.Where(e => e.Role == ConnectorEndRole.To))
            {
                if (_index.ComponentOf(end.Instance) is not { } component)
                {
                    continue;
                }

                var key = (component.Name, end.Interface);
                if (!_mixedPorts.TryGetValue(key, out var served))
                {
                    _mixedPorts[key] = served = new List<string>();
                }

                served.AddRange(procedures.Where(p => !served.Contains(p)));
            }
        }

        return _mixedPorts;
    }

    // A provided interface as one adapter per procedure it serves: its own (which other connections
    // may serve as usual), then each other procedure of its seL4RPCCallNoType clients.
    private IEnumerable<ProvidesView> ProvidesViews(ComponentModel component, InterfaceModel port, string portName, bool unicore, MemberNames names)
    {
        yield return Provides(component, port, portName, unicore, names, port.TypeName, string.Empty);
        if (MixedPorts().TryGetValue((component.Name, port.Name), out var procedures))
        {
            foreach (var procedure in procedures.Where(p => p != port.TypeName))
            {
                yield return Provides(component, port, portName, unicore, names, procedure, CSharpNames.Pascal(procedure));
            }
        }
    }

    // The to end of a mixed connection: one endpoint whose dispatcher switches on the frame type.
    private ConnectionEndView MixedServer(ConnectionEndModel end, ConnectorEntry entry, IReadOnlyList<string> procedures, int threads)
    {
        var view = Server(end, entry, string.Empty, threads);
        var unicore = IsUnicoreInstance(end.Instance);
        var own = ProcedureOfEnd(end);
        view = view with { GlueClass = Glue + (unicore ? ".AsyncProcedureSwitch" : ".ProcedureSwitch") };
        return view with
        {
            Procedures = procedures.Select(p => new DispatcherPartView
        {
            FrameName = CSharpNames.Pascal(p) + "CallFrame",
            GlueClass = CSharpNames.Pascal(p) + (unicore ? "RpcAsyncServer" : "RpcServer"),
            Member = view.Member + (p == own ? string.Empty : CSharpNames.Pascal(p)),
        }).ToEquatableArray(),
        };
    }
}
