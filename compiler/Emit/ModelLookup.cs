using System.Collections.Generic;
using UxRt.Camkes.Adl.Model;

namespace UxRt.Camkes.Compiler.Emit;

/// <summary>
/// The model's lists as dictionaries, built once per emit, so that generating a system of
/// thousands of instances stays linear instead of scanning a list for every name.
/// </summary>
internal sealed class ModelLookup
{
    private readonly Dictionary<string, InstanceModel> _instances = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, ComponentModel> _components = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, ProcedureModel> _procedures = new(System.StringComparer.Ordinal);
    private readonly HashSet<string> _structs = new(System.StringComparer.Ordinal);
    private readonly HashSet<string> _instantiated = new(System.StringComparer.Ordinal);

    public ModelLookup(SystemModel model)
    {
        // The first definition wins, as the front end reports any later duplicate.
        foreach (var instance in model.Instances)
        {
            Add(_instances, instance.Name, instance);
            _instantiated.Add(instance.ComponentType);
        }

        foreach (var component in model.Components)
        {
            Add(_components, component.Name, component);
        }

        foreach (var procedure in model.Procedures)
        {
            Add(_procedures, procedure.Name, procedure);
        }

        foreach (var structure in model.Structs)
        {
            _structs.Add(structure.Name);
        }
    }

    public bool HasInstance(string name) => _instances.ContainsKey(name);

    /// <summary>Whether some instance is of this component type (only those get a base class).</summary>
    public bool IsInstantiated(string component) => _instantiated.Contains(component);

    public ComponentModel? ComponentOfInstance(string instance) =>
        _instances.TryGetValue(instance, out var found) && _components.TryGetValue(found.ComponentType, out var component) ? component : null;

    public ProcedureModel? Procedure(string name) => _procedures.TryGetValue(name, out var procedure) ? procedure : null;

    public bool IsSpecStruct(string name) => _structs.Contains(name);

    private static void Add<T>(Dictionary<string, T> map, string key, T value)
    {
        if (!map.ContainsKey(key))
        {
            map.Add(key, value);
        }
    }
}
