using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Syntax;

namespace UxRt.Camkes.Adl.Resolution;

/// <summary>
/// Every named top-level definition of a loaded specification, by kind. A second definition
/// with the same name is reported and ignored; all assemblies are kept (they are merged).
/// </summary>
public sealed class SymbolTable
{
    public Dictionary<string, ProcedureSyntax> Procedures { get; } = new(System.StringComparer.Ordinal);

    public Dictionary<string, StructSyntax> Structs { get; } = new(System.StringComparer.Ordinal);

    public Dictionary<string, ComponentSyntax> Components { get; } = new(System.StringComparer.Ordinal);

    public Dictionary<string, ConnectorSyntax> Connectors { get; } = new(System.StringComparer.Ordinal);

    public List<AssemblySyntax> Assemblies { get; } = new();

    /// <summary>Named top-level compositions and configurations, used by <c>composition Name;</c>.</summary>
    public Dictionary<string, CompositionSyntax> Compositions { get; } = new(System.StringComparer.Ordinal);

    public Dictionary<string, ConfigurationSyntax> Configurations { get; } = new(System.StringComparer.Ordinal);

    public static SymbolTable Build(LoadedSpecification specification, DiagnosticBag diagnostics)
    {
        var table = new SymbolTable();
        foreach (var definition in specification.Files.SelectMany(f => f.Definitions))
        {
            switch (definition)
            {
                case ProcedureSyntax procedure:
                    Add(table.Procedures, "procedure", procedure.Name, procedure, diagnostics);
                    break;
                case StructSyntax structure:
                    Add(table.Structs, "struct", structure.Name, structure, diagnostics);
                    break;
                case ComponentSyntax component:
                    Add(table.Components, "component", component.Name, component, diagnostics);
                    break;
                case ConnectorSyntax connector:
                    Add(table.Connectors, "connector", connector.Name, connector, diagnostics);
                    break;
                case AssemblySyntax assembly:
                    // Several assemblies merge into one system, but two with one name are a mistake (as in CAmkES).
                    if (assembly.Name is { } assemblyName && table.Assemblies.FirstOrDefault(a => a.Name == assemblyName) is { } same)
                    {
                        diagnostics.Report(DiagnosticDescriptors.DuplicateDefinition, assembly.Location, "assembly", assemblyName, same.Location.DescribeFrom(assembly.Location));
                    }

                    table.Assemblies.Add(assembly);
                    break;
                case CompositionSyntax { Name: { } name } composition:
                    Add(table.Compositions, "composition", name, composition, diagnostics);
                    break;
                case ConfigurationSyntax { Name: { } name } configuration:
                    Add(table.Configurations, "configuration", name, configuration, diagnostics);
                    break;
            }
        }

        table.AddInlineDefinitions(specification, diagnostics);
        return table;
    }

    /// <summary>
    /// Registers CAmkES's anonymous components (<c>component { ... } name;</c>) and connectors
    /// (<c>connection { ... } name(...)</c>) under the names the parser gave them, wherever they
    /// appear: in assemblies, in named compositions, and inside components (even inline ones).
    /// </summary>
    private void AddInlineDefinitions(LoadedSpecification specification, DiagnosticBag diagnostics)
    {
        var pending = new Stack<CompositionSyntax>();
        void PushAll(IEnumerable<CompositionSyntax> compositions)
        {
            foreach (var composition in compositions)
            {
                pending.Push(composition);
            }
        }

        foreach (var definition in specification.Files.SelectMany(f => f.Definitions))
        {
            switch (definition)
            {
                case AssemblySyntax assembly:
                    PushAll(assembly.Compositions);
                    break;
                case CompositionSyntax composition:
                    pending.Push(composition);
                    break;
                case ComponentSyntax component:
                    PushAll(component.Compositions);
                    break;
            }
        }

        while (pending.Count > 0)
        {
            var composition = pending.Pop();
            foreach (var instance in composition.Instances.Concat(composition.Groups.SelectMany(g => g.Instances)))
            {
                if (instance.InlineComponent is { } component)
                {
                    Add(Components, "component", component.Name, component, diagnostics);
                    PushAll(component.Compositions);
                }
            }

            foreach (var connection in composition.Connections)
            {
                if (connection.InlineConnector is { } connector)
                {
                    Add(Connectors, "connector", connector.Name, connector, diagnostics);
                }
            }
        }
    }

    private static void Add<T>(Dictionary<string, T> symbols, string kind, string name, T definition, DiagnosticBag diagnostics)
        where T : DefinitionSyntax
    {
        if (symbols.TryGetValue(name, out var existing))
        {
            diagnostics.Report(DiagnosticDescriptors.DuplicateDefinition, definition.Location, kind, name, existing.Location.DescribeFrom(definition.Location));
            return;
        }

        symbols.Add(name, definition);
    }
}
