using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl.Checking;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Model;
using UxRt.Camkes.Adl.Syntax;

namespace UxRt.Camkes.Adl.Resolution;

/// <summary>
/// Resolves configuration settings: finds the instance (or connection) each one targets, warns
/// about settings CAmkES would silently ignore, evaluates values, follows <c>&lt;-</c> references
/// (to other settings or to attribute defaults) and reports loops, then checks declared types.
/// As in CAmkES (stage 8), a setting on an undeclared attribute is kept for references to read
/// (but not handed to the code), and a reference to a value that is neither set nor has a default
/// falls back to the target's own default, or else the setting is dropped.
/// </summary>
internal sealed class SettingResolver
{
    private enum State
    {
        Pending,
        Following,
        Done,
    }

    private sealed class Entry
    {
        public Entry(ScopedSetting setting, string target, FlatInstance? instance, AttributeSyntax? declared)
        {
            Setting = setting;
            Target = target;
            Instance = instance;
            Declared = declared;
        }

        public ScopedSetting Setting { get; }

        public string Target { get; }

        /// <summary>The targeted instance; null for a setting on a connection.</summary>
        public FlatInstance? Instance { get; }

        public AttributeSyntax? Declared { get; }

        /// <summary>A setting on an attribute the component does not declare: readable by <c>&lt;-</c>, not generated.</summary>
        public bool IsUndeclared { get; init; }

        public SettingSyntax Syntax => Setting.Syntax;

        public string Key => Target + "." + Syntax.Attribute;

        public State State { get; set; }

        public ConfigValue? Value { get; set; }
    }

    private readonly FlattenedSystem _system;
    private readonly ISet<string> _connectionNames;
    private readonly DiagnosticBag _diagnostics;
    private readonly ExpressionEvaluator _evaluator;
    private readonly AttributeValueChecker _attributeValues;
    private readonly Dictionary<string, Entry> _entries = new(System.StringComparer.Ordinal);
    private readonly ComponentLookup _components = new();

    private readonly System.Func<ComponentSyntax, bool> _hasOwnCode;

    /// <param name="hasOwnCode">Whether instances of a component are in the model (a compound only with code of its own).</param>
    public SettingResolver(SymbolTable symbols, FlattenedSystem system, ISet<string> connectionNames, System.Func<ComponentSyntax, bool> hasOwnCode, DiagnosticBag diagnostics)
    {
        _system = system;
        _hasOwnCode = hasOwnCode;
        _connectionNames = connectionNames;
        _diagnostics = diagnostics;
        _evaluator = new ExpressionEvaluator(diagnostics);
        _attributeValues = new AttributeValueChecker(symbols, diagnostics);
    }

    public List<SettingModel> Resolve()
    {
        foreach (var setting in _system.Settings)
        {
            if (Locate(setting) is { } entry)
            {
                // A later setting of the same attribute replaces an earlier one, as in CAmkES.
                _entries[entry.Key] = entry;
            }
        }

        var models = new List<SettingModel>();
        foreach (var entry in _entries.Values)
        {
            ResolveValue(entry);
            if (entry.Value is null)
            {
                continue;
            }

            if (entry.Declared is { } declared)
            {
                _attributeValues.Check(declared.Type, declared.IsArray, entry.Value, entry.Syntax.Location, $"setting '{entry.Key}'");
            }

            if (!entry.IsUndeclared && (entry.Instance?.Component is not { } type || _hasOwnCode(type)))
            {
                models.Add(new SettingModel(entry.Target, entry.Syntax.Attribute, entry.Value, entry.Syntax.Location));
            }
        }

        return models;
    }

    private Entry? Locate(ScopedSetting setting)
    {
        var syntax = setting.Syntax;
        var target = syntax.Target.Length > 0 ? setting.Scope + syntax.Target : setting.Scope.TrimEnd('.');
        if (target.Length == 0)
        {
            _diagnostics.Report(DiagnosticDescriptors.UnknownSettingTarget, syntax.Location, $"setting '{syntax.Attribute}' names no instance (write instance.attribute); it is ignored");
            return null;
        }

        if (_system.Instances.TryGetValue(target, out var instance))
        {
            if (instance.Component is not { } component)
            {
                return null; // The instance's type is unknown, which is reported at the instance.
            }

            var declared = _components.Attribute(component, syntax.Attribute);
            if (declared is null && !WellKnownSettings.IsKnown(syntax.Attribute, _components.InterfaceKinds(component)))
            {
                _diagnostics.Report(
                    DiagnosticDescriptors.UnknownSettingTarget,
                    syntax.Location,
                    $"instance '{target}' (component {component.Name}) has no attribute '{syntax.Attribute}'; the component does not see the setting (declare it with 'attribute'), only '<-' references read it");
                return new Entry(setting, target, instance, declared: null) { IsUndeclared = true };
            }

            return new Entry(setting, target, instance, declared);
        }

        if (_connectionNames.Contains(target))
        {
            return new Entry(setting, target, instance: null, declared: null);
        }

        _diagnostics.Report(
            DiagnosticDescriptors.UnknownSettingTarget,
            syntax.Location,
            $"'{target}' is not an instance or connection, so the setting '{target}.{syntax.Attribute}' is ignored");
        return null;
    }

    /// <summary>Follows a chain of references without recursion, so long chains cannot exhaust the stack.</summary>
    private void ResolveValue(Entry start)
    {
        var chain = new List<Entry>();
        var current = start;
        ConfigValue? value = null;
        while (true)
        {
            if (current.State == State.Done)
            {
                value = current.Value;
                break;
            }

            if (current.State == State.Following)
            {
                var loop = chain.SkipWhile(e => e != current).Select(e => e.Key).Concat(new[] { current.Key });
                _diagnostics.Report(DiagnosticDescriptors.ReferenceLoop, current.Syntax.Location, "these settings refer to each other in a loop: " + string.Join(" <- ", loop));
                value = null;
                break;
            }

            if (!current.Syntax.IsReference)
            {
                current.Value = _evaluator.Evaluate(current.Syntax.Value!);
                current.State = State.Done;
                value = current.Value;
                break;
            }

            current.State = State.Following;
            chain.Add(current);
            var referenced = ReferencedKey(current);
            if (referenced is not null && _entries.TryGetValue(referenced, out var next))
            {
                current = next;
                continue;
            }

            value = referenced is null ? null : DefaultOf(referenced) ?? DefaultOf(current.Key);
            if (referenced is not null && value is null && !IsInstanceAttribute(referenced))
            {
                _diagnostics.Report(
                    DiagnosticDescriptors.UnknownSettingTarget,
                    current.Syntax.Location,
                    $"setting '{current.Key}' refers to '{referenced}', but '{InstanceOf(referenced)}' is not an instance; the setting is ignored");
            }

            break;
        }

        for (var i = chain.Count - 1; i >= 0; i--)
        {
            var entry = chain[i];
            value = value is null ? null : ApplyKeys(entry, value);
            entry.Value = value;
            entry.State = State.Done;
        }
    }

    private string? ReferencedKey(Entry entry)
    {
        var path = entry.Syntax.Reference;
        var scope = entry.Setting.Scope;
        if (path.Count == 1)
        {
            // A bare name inside a component's configuration is an attribute of that component.
            if (scope.Length == 0)
            {
                _diagnostics.Report(DiagnosticDescriptors.UnknownName, entry.Syntax.Location, "setting", path[0]);
                return null;
            }

            return scope + path[0];
        }

        return scope + string.Join(".", path);
    }

    private static string InstanceOf(string key) => key.LastIndexOf('.') is var dot && dot > 0 ? key.Substring(0, dot) : key;

    private bool IsInstanceAttribute(string key) => key.LastIndexOf('.') > 0 && _system.Instances.ContainsKey(InstanceOf(key));

    private ConfigValue? DefaultOf(string key)
    {
        var dot = key.LastIndexOf('.');
        if (dot <= 0 || !_system.Instances.TryGetValue(key.Substring(0, dot), out var instance) || instance.Component is null)
        {
            return null;
        }

        var attribute = _components.Attribute(instance.Component, key.Substring(dot + 1));
        return attribute?.DefaultValue is { } defaultValue ? _evaluator.Evaluate(defaultValue) : null;
    }

    private ConfigValue? ApplyKeys(Entry entry, ConfigValue value)
    {
        foreach (var keySyntax in entry.Syntax.ReferenceKeys)
        {
            var key = _evaluator.Evaluate(keySyntax);
            ConfigValue? found = (value, key) switch
            {
                (DictValue dict, StringValue name) => dict.Entries.FirstOrDefault(e => e.Key == name.Value)?.Value,
                (DictValue dict, IntegerValue number) => dict.Entries.FirstOrDefault(e => e.Key == number.Describe())?.Value,
                (ListValue list, IntegerValue index) when index.Value >= 0 && index.Value < list.Items.Count => list.Items[(int)index.Value],
                _ => null,
            };
            if (found is null)
            {
                if (key is not null)
                {
                    _diagnostics.Report(DiagnosticDescriptors.UnknownName, keySyntax.Location, "key", key.Describe() + " in " + value.Describe());
                }

                return null;
            }

            value = found;
        }

        return value;
    }
}
