using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl.Connectors;

namespace UxRt.Camkes.Adl.Model;

/// <summary>
/// Dictionaries over a model, built once so that the checks and the emitters look names up in
/// constant time instead of scanning the model's lists. The first of two same-named definitions
/// wins; the front end reports the second.
/// </summary>
public sealed class ModelIndex
{
    private readonly Dictionary<string, ComponentModel> _components;
    private readonly Dictionary<string, InstanceModel> _instances;
    private readonly Dictionary<string, ProcedureModel> _procedures;
    private readonly HashSet<string> _structs;
    private readonly HashSet<string> _instantiated;
    private readonly Dictionary<string, Dictionary<string, InterfaceModel>> _interfaces;
    private readonly Dictionary<(string Instance, string Attribute), SettingModel> _settings;

    /// <param name="catalog">What each connector is; the built-in catalog when null.</param>
    public ModelIndex(SystemModel model, ConnectorCatalog? catalog = null)
    {
        Catalog = catalog ?? ConnectorCatalog.BuiltIn;
        _components = ToDictionary(model.Components, c => c.Name);
        _instances = ToDictionary(model.Instances, i => i.Name);
        Connectors = ToDictionary(model.Connectors, c => c.Name);
        _procedures = ToDictionary(model.Procedures, p => p.Name);
        _structs = new HashSet<string>(model.Structs.Select(s => s.Name), System.StringComparer.Ordinal);
        _instantiated = new HashSet<string>(model.Instances.Select(i => i.ComponentType), System.StringComparer.Ordinal);
        _interfaces = model.Components.GroupBy(c => c.Name).ToDictionary(
            g => g.Key,
            g => ToDictionary(g.First().Interfaces, i => i.Name),
            System.StringComparer.Ordinal);
        _settings = new Dictionary<(string, string), SettingModel>();
        foreach (var setting in model.Settings)
        {
            // The last assignment wins, as in CAmkES.
            _settings[(setting.Instance, setting.Attribute)] = setting;
        }
    }

    public IReadOnlyDictionary<string, ConnectorModel> Connectors { get; }

    public ConnectorCatalog Catalog { get; }

    /// <summary>The catalog's entry for a connection's connector, or null for a connector the catalog does not know.</summary>
    public ConnectorEntry? EntryOf(ConnectionModel connection) => Catalog.Find(connection.ConnectorName);

    /// <summary>Whether some instance is of this component type.</summary>
    public bool IsInstantiated(string component) => _instantiated.Contains(component);

    public ProcedureModel? Procedure(string name) => _procedures.TryGetValue(name, out var procedure) ? procedure : null;

    /// <summary>Whether the spec defines a struct of this name.</summary>
    public bool IsStruct(string name) => _structs.Contains(name);

    public InstanceModel? InstanceOf(string instance) =>
        _instances.TryGetValue(instance, out var found) ? found : null;

    public ComponentModel? ComponentOf(string instance) =>
        _instances.TryGetValue(instance, out var found) && _components.TryGetValue(found.ComponentType, out var component) ? component : null;

    public InterfaceModel? InterfaceOf(string instance, string name) =>
        _instances.TryGetValue(instance, out var found) && _interfaces.TryGetValue(found.ComponentType, out var ports) && ports.TryGetValue(name, out var port)
            ? port
            : null;

    /// <summary>The value written for <c>instance.attribute</c>, or null when the spec sets none.</summary>
    public ConfigValue? Setting(string instance, string attribute) => SettingOf(instance, attribute)?.Value;

    /// <summary>The setting written for <c>instance.attribute</c> (with where it is written), or null.</summary>
    public SettingModel? SettingOf(string instance, string attribute) =>
        _settings.TryGetValue((instance, attribute), out var setting) ? setting : null;

    private static Dictionary<string, T> ToDictionary<T>(IEnumerable<T> items, System.Func<T, string> key)
    {
        var result = new Dictionary<string, T>(System.StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!result.ContainsKey(key(item)))
            {
                result.Add(key(item), item);
            }
        }

        return result;
    }
}
