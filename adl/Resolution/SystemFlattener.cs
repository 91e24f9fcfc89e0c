using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Syntax;

namespace UxRt.Camkes.Adl.Resolution;

/// <summary>
/// Merges every assembly and flattens compound components: an instance of a component that has
/// a composition is replaced by that composition's instances, named <c>outer.inner</c>; the inner
/// connections and configuration come along with the same prefix. Groups are carried down.
/// A compound that provides, uses or declares interfaces it does not export (or has `control`)
/// implements them in its own code, so it also stays an instance beside its inner ones.
/// </summary>
internal sealed class SystemFlattener
{
    private const int MaxNestingDepth = 64;
    private const int MaxInstances = 1_000_000;

    private readonly SymbolTable _symbols;
    private readonly DiagnosticBag _diagnostics;
    private readonly FlattenedSystem _system = new();
    private readonly List<string> _expanding = new();
    private readonly Dictionary<string, HashSet<string>> _exports = new(System.StringComparer.Ordinal);
    private bool _reportedTooMany;

    public SystemFlattener(SymbolTable symbols, DiagnosticBag diagnostics)
    {
        _symbols = symbols;
        _diagnostics = diagnostics;
    }

    public FlattenedSystem Flatten()
    {
        foreach (var assembly in _symbols.Assemblies)
        {
            foreach (var composition in Compositions(assembly.Compositions, assembly.CompositionReferences))
            {
                foreach (var export in composition.Exports)
                {
                    _diagnostics.Report(DiagnosticDescriptors.InvalidExport, export.Location, "'export' belongs in the composition of a component, not in an assembly");
                }

                FlattenComposition(composition, prefix: string.Empty, group: null);
            }

            foreach (var configuration in Configurations(assembly.Configurations, assembly.ConfigurationReferences))
            {
                _system.Settings.AddRange(configuration.Settings.Select(s => new ScopedSetting(string.Empty, s)));
            }
        }

        return _system;
    }

    /// <summary>The compositions written inline and those named by <c>composition Name;</c>.</summary>
    public IEnumerable<CompositionSyntax> Compositions(IEnumerable<CompositionSyntax> inline, IEnumerable<NamedReferenceSyntax> references) =>
        inline.Concat(references.Select(r => Lookup(_symbols.Compositions, "composition", r)).OfType<CompositionSyntax>());

    /// <summary>The interfaces of <paramref name="component"/> that an <c>export</c> hands to an inner instance.</summary>
    public ISet<string> ExportedInterfaces(ComponentSyntax component)
    {
        if (!_exports.TryGetValue(component.Name, out var exported))
        {
            exported = new HashSet<string>(
                Compositions(component.Compositions, component.CompositionReferences).SelectMany(c => c.Exports).Select(e => e.OuterInterface),
                System.StringComparer.Ordinal);
            _exports.Add(component.Name, exported);
        }

        return exported;
    }

    /// <summary>Whether instances of <paramref name="component"/> run code of their own (every plain component does).</summary>
    public bool HasOwnCode(ComponentSyntax component) =>
        !component.IsCompound || component.IsControl || component.Interfaces.Any(i => !ExportedInterfaces(component).Contains(i.Name));

    private IEnumerable<ConfigurationSyntax> Configurations(IEnumerable<ConfigurationSyntax> inline, IEnumerable<NamedReferenceSyntax> references) =>
        inline.Concat(references.Select(r => Lookup(_symbols.Configurations, "configuration", r)).OfType<ConfigurationSyntax>());

    private T? Lookup<T>(Dictionary<string, T> table, string kind, NamedReferenceSyntax reference)
        where T : class
    {
        if (table.TryGetValue(reference.Name, out var found))
        {
            return found;
        }

        _diagnostics.Report(DiagnosticDescriptors.UnknownName, reference.Location, kind, reference.Name);
        return null;
    }

    private void FlattenComposition(CompositionSyntax composition, string prefix, string? group)
    {
        var declared = composition.Instances.Select(i => (Instance: i, Group: group)).ToList();
        for (var index = 0; index < composition.Groups.Count; index++)
        {
            var declaredGroup = composition.Groups[index];

            // An outer group wins: a group inside a component placed in a group shares that group.
            var groupName = group ?? prefix + (declaredGroup.Name ?? "_group" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            declared.AddRange(declaredGroup.Instances.Select(i => (Instance: i, Group: (string?)groupName)));
            if (declaredGroup.Name is { } written)
            {
                if (!_system.GroupMembers.TryGetValue(prefix + written, out var members))
                {
                    members = new HashSet<string>(System.StringComparer.Ordinal);
                    _system.GroupMembers.Add(prefix + written, members);
                }

                members.UnionWith(declaredGroup.Instances.Select(i => prefix + i.Name));
            }
        }

        // Grouped or not, instances keep the order they are written in.
        foreach (var (instance, instanceGroup) in declared.OrderBy(d => d.Instance.Location.Line).ThenBy(d => d.Instance.Location.Column))
        {
            AddInstance(instance, prefix, instanceGroup);
        }

        foreach (var connection in composition.Connections)
        {
            _system.Connections.Add(new ScopedConnection(prefix + connection.Name, prefix, connection));
        }
    }

    private void AddInstance(InstanceSyntax instance, string prefix, string? group)
    {
        var name = prefix + instance.Name;
        if (_system.Instances.TryGetValue(name, out var existing))
        {
            _diagnostics.Report(DiagnosticDescriptors.DuplicateDefinition, instance.Location, "instance", name, existing.Location.DescribeFrom(instance.Location));
            return;
        }

        if (_system.Instances.Count >= MaxInstances)
        {
            if (!_reportedTooMany)
            {
                _reportedTooMany = true;
                _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, instance.Location, $"the system flattens to more than {MaxInstances} instances");
            }

            return;
        }

        _symbols.Components.TryGetValue(instance.ComponentType, out var component);
        if (component is null)
        {
            // Kept (without a type) so that connection ends naming it are not reported again.
            _diagnostics.Report(DiagnosticDescriptors.UnknownName, instance.TypeLocation, "component", instance.ComponentType);
        }

        var flat = new FlatInstance(name, instance.ComponentType, component, group, instance.Location);
        _system.Instances.Add(name, flat);
        _system.InstanceOrder.Add(flat);
        if (component is { IsCompound: true })
        {
            ExpandCompound(flat, component);
        }
    }

    private void ExpandCompound(FlatInstance instance, ComponentSyntax component)
    {
        if (_expanding.Contains(component.Name))
        {
            var cycle = string.Join(" -> ", _expanding.SkipWhile(c => c != component.Name).Concat(new[] { component.Name }));
            _diagnostics.Report(DiagnosticDescriptors.RecursiveComponent, instance.Location, $"component '{component.Name}' contains itself ({cycle})");
            return;
        }

        if (_expanding.Count >= MaxNestingDepth)
        {
            _diagnostics.Report(DiagnosticDescriptors.RecursiveComponent, instance.Location, $"compound components nest more than {MaxNestingDepth} levels deep");
            return;
        }

        _expanding.Add(component.Name);
        var prefix = instance.Name + ".";
        foreach (var composition in Compositions(component.Compositions, component.CompositionReferences))
        {
            FlattenComposition(composition, prefix, instance.Group);
        }

        foreach (var configuration in Configurations(component.Configurations, component.ConfigurationReferences))
        {
            _system.Settings.AddRange(configuration.Settings.Select(s => new ScopedSetting(prefix, s)));
        }

        _expanding.RemoveAt(_expanding.Count - 1);
    }
}
