using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl.Checking;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Model;

namespace UxRt.Camkes.Adl.Resolution;

/// <summary>
/// Stage "Resolve": names to definitions. Resolves the definitions, merges and flattens the
/// assemblies, resolves connections and settings, and assembles the <see cref="SystemModel"/>.
/// Every name that does not resolve is reported here; the other rules run in the checker.
/// </summary>
public sealed class ModelBuilder
{
    private readonly SymbolTable _symbols;
    private readonly DiagnosticBag _diagnostics;

    public ModelBuilder(SymbolTable symbols, DiagnosticBag diagnostics)
    {
        _symbols = symbols;
        _diagnostics = diagnostics;
    }

    /// <summary>Interfaces named by connections left out of the model because of other errors (see <see cref="Build"/>).</summary>
    public IReadOnlyCollection<(string Instance, string Interface)> EndsOfBrokenConnections { get; private set; } =
        new HashSet<(string Instance, string Interface)>();

    public SystemModel Build(string name, string rootPath)
    {
        var definitions = new DefinitionResolver(_symbols, _diagnostics);
        var procedures = _symbols.Procedures.Values.Select(definitions.Procedure).ToEquatableArray();
        var structs = _symbols.Structs.Values.Select(definitions.Struct).ToEquatableArray();
        var components = _symbols.Components.Values.Select(c => (Syntax: c, Model: definitions.Component(c))).ToList();
        var connectors = _symbols.Connectors.Values.Select(definitions.Connector).ToEquatableArray();

        var flattener = new SystemFlattener(_symbols, _diagnostics);
        var flattened = flattener.Flatten();
        new ExportRules(_symbols, flattener, _diagnostics).Check();

        var connectionResolver = new ConnectionResolver(_symbols, flattened, flattener, _diagnostics);
        var connections = ConnectionMerger.Merge(connectionResolver.Resolve(), _diagnostics);
        EndsOfBrokenConnections = connectionResolver.EndsOfBrokenConnections;
        var connectionNames = new HashSet<string>(flattened.Connections.Select(c => c.Name), System.StringComparer.Ordinal);
        var settings = new SettingResolver(_symbols, flattened, connectionNames, flattener.HasOwnCode, _diagnostics).Resolve();

        // Compound components are flattened away, except those with code of their own.
        var instances = flattened.InstanceOrder
            .Where(i => i.Component is { } type && flattener.HasOwnCode(type))
            .Select(i => new InstanceModel(i.Name, i.TypeName, i.Group, i.Location))
            .ToEquatableArray();

        return new SystemModel(
            name,
            rootPath,
            procedures,
            structs,
            components.Where(c => flattener.HasOwnCode(c.Syntax)).Select(c => OwnPart(c.Syntax, c.Model, flattener)).ToEquatableArray(),
            connectors,
            instances,
            connections.ToEquatableArray(),
            settings.ToEquatableArray());
    }

    /// <summary>A compound's own code implements only the interfaces it does not export.</summary>
    private static ComponentModel OwnPart(Syntax.ComponentSyntax syntax, ComponentModel model, SystemFlattener flattener)
    {
        if (!syntax.IsCompound)
        {
            return model;
        }

        var exported = flattener.ExportedInterfaces(syntax);
        return model with { Interfaces = model.Interfaces.Where(i => !exported.Contains(i.Name)).ToEquatableArray() };
    }
}
