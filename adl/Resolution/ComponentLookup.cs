using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl.Syntax;

namespace UxRt.Camkes.Adl.Resolution;

/// <summary>
/// A component's interfaces and attributes by name, built once per component type, so that
/// resolving thousands of ends and settings stays linear even for components with many ports.
/// </summary>
internal sealed class ComponentLookup
{
    private sealed class Entry
    {
        public Entry(ComponentSyntax component)
        {
            Interfaces = new Dictionary<string, InterfaceSyntax>(System.StringComparer.Ordinal);
            foreach (var port in component.Interfaces)
            {
                if (!Interfaces.ContainsKey(port.Name))
                {
                    Interfaces.Add(port.Name, port);
                }
            }

            Attributes = new Dictionary<string, AttributeSyntax>(System.StringComparer.Ordinal);
            foreach (var attribute in component.Attributes)
            {
                if (!Attributes.ContainsKey(attribute.Name))
                {
                    Attributes.Add(attribute.Name, attribute);
                }
            }

            InterfaceKinds = component.Interfaces.Select(i => (i.Name, i.Kind)).ToList();
        }

        public Dictionary<string, InterfaceSyntax> Interfaces { get; }

        public Dictionary<string, AttributeSyntax> Attributes { get; }

        public List<(string Name, InterfaceKind Kind)> InterfaceKinds { get; }
    }

    // Keyed by reference: each component definition is one object, and record equality would compare deeply.
    private readonly Dictionary<ComponentSyntax, Entry> _entries = new(ReferenceEqualityComparer.Instance);

    public InterfaceSyntax? Interface(ComponentSyntax component, string name) =>
        EntryOf(component).Interfaces.TryGetValue(name, out var port) ? port : null;

    public AttributeSyntax? Attribute(ComponentSyntax component, string name) =>
        EntryOf(component).Attributes.TryGetValue(name, out var attribute) ? attribute : null;

    public IReadOnlyCollection<(string Name, InterfaceKind Kind)> InterfaceKinds(ComponentSyntax component) => EntryOf(component).InterfaceKinds;

    private Entry EntryOf(ComponentSyntax component)
    {
        if (!_entries.TryGetValue(component, out var entry))
        {
            entry = new Entry(component);
            _entries.Add(component, entry);
        }

        return entry;
    }

    private sealed class ReferenceEqualityComparer : IEqualityComparer<ComponentSyntax>
    {
        public static readonly ReferenceEqualityComparer Instance = new();

        public bool Equals(ComponentSyntax? x, ComponentSyntax? y) => ReferenceEquals(x, y);

        public int GetHashCode(ComponentSyntax obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
