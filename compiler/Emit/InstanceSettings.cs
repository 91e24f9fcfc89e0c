using System.Globalization;
using System.Linq;
using UxRt.Camkes.Adl.Model;

namespace UxRt.Camkes.Compiler.Emit;

/// <summary>
/// Reads an instance's settings the way CAmkES does: the last <c>inst.attr = value;</c> wins,
/// then the component's <c>attribute</c> default. Values written as strings (<c>"5"</c>, common in
/// CAmkES specs) are read as numbers where a number is expected.
/// </summary>
internal sealed class InstanceSettings
{
    private readonly ModelIndex _index;

    public InstanceSettings(ModelIndex index) => _index = index;

    /// <summary>Where the setting is written, for diagnostics; null when it comes from a default or is absent.</summary>
    public SettingModel? Find(string instance, string attribute) => _index.SettingOf(instance, attribute);

    public ConfigValue? Value(string instance, string attribute)
    {
        if (Find(instance, attribute) is { } setting)
        {
            return setting.Value;
        }

        return _index.ComponentOf(instance)?.Attributes.FirstOrDefault(a => a.Name == attribute)?.DefaultValue;
    }

    public long? Integer(string instance, string attribute) => Value(instance, attribute) switch
    {
        IntegerValue i => i.Value,
        BooleanValue b => b.Value ? 1 : 0,
        StringValue s when long.TryParse(s.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>The first of <paramref name="attributes"/> that is set, as an integer.</summary>
    public long? FirstInteger(string instance, params string[] attributes) =>
        attributes.Select(a => Integer(instance, a)).FirstOrDefault(v => v is not null);

    public bool Flag(string instance, string attribute) => Integer(instance, attribute) is { } value && value != 0;

    public string? Text(string instance, string attribute) => Value(instance, attribute) is StringValue s ? s.Value : null;
}
