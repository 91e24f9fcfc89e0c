using System.Globalization;
using System.Linq;

namespace UxRt.Camkes.Adl.Model;

/// <summary>An evaluated configuration value.</summary>
public abstract record ConfigValue
{
    public abstract string Describe();
}

public sealed record IntegerValue(long Value) : ConfigValue
{
    public override string Describe() => Value.ToString(CultureInfo.InvariantCulture);
}

public sealed record FloatValue(double Value) : ConfigValue
{
    public override string Describe() => Value.ToString("R", CultureInfo.InvariantCulture);
}

public sealed record BooleanValue(bool Value) : ConfigValue
{
    public override string Describe() => Value ? "true" : "false";
}

public sealed record StringValue(string Value) : ConfigValue
{
    public override string Describe() => "\"" + Value + "\"";
}

public sealed record ListValue(EquatableArray<ConfigValue> Items) : ConfigValue
{
    public override string Describe() => "[" + string.Join(", ", Items.Select(i => i.Describe())) + "]";
}

public sealed record DictValue(EquatableArray<DictEntry> Entries) : ConfigValue
{
    public override string Describe() => "{" + string.Join(", ", Entries.Select(e => $"\"{e.Key}\": {e.Value.Describe()}")) + "}";
}

public sealed record DictEntry(string Key, ConfigValue Value);
