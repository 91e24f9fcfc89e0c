using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using UxRt.Camkes.Adl.Model;
using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Cli.Dump;

/// <summary>
/// The resolved model as JSON, written field by field so the shape is deliberate and stable:
/// configuration values become native JSON (numbers, strings, booleans, arrays, objects).
/// </summary>
internal static class ModelJsonWriter
{
    public static string Write(SystemModel model)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("name", model.Name);
            json.WriteString("source", model.SourcePath);
            Array(json, "procedures", model.Procedures, Procedure);
            Array(json, "structs", model.Structs, Struct);
            Array(json, "components", model.Components, Component);
            Array(json, "connectors", model.Connectors, Connector);
            Array(json, "instances", model.Instances, Instance);
            Array(json, "connections", model.Connections, Connection);
            Array(json, "settings", model.Settings, Setting);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Array<T>(Utf8JsonWriter json, string name, IEnumerable<T> items, Action<Utf8JsonWriter, T> write)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            write(json, item);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Procedure(Utf8JsonWriter json, ProcedureModel procedure)
    {
        json.WriteString("name", procedure.Name);
        Array(json, "methods", procedure.Methods, (j, method) =>
        {
            j.WriteString("name", method.Name);
            j.WriteString("returns", method.ReturnType is null ? "void" : TypeName(method.ReturnType));
            Array(j, "parameters", method.Parameters, (p, parameter) =>
            {
                p.WriteString("name", parameter.Name);
                p.WriteString("direction", parameter.Direction.ToString().ToLowerInvariant());
                p.WriteString("type", TypeName(parameter.Type));
                p.WriteBoolean("array", parameter.IsArray);
            });
        });
        Location(json, procedure.Location);
    }

    private static void Struct(Utf8JsonWriter json, StructModel structure)
    {
        json.WriteString("name", structure.Name);
        Array(json, "fields", structure.Fields, (j, field) =>
        {
            j.WriteString("name", field.Name);
            j.WriteString("type", TypeName(field.Type));
            j.WriteBoolean("array", field.IsArray);
            if (field.ArrayLength is { } length)
            {
                j.WriteNumber("length", length);
            }
        });
        Location(json, structure.Location);
    }

    private static void Component(Utf8JsonWriter json, ComponentModel component)
    {
        json.WriteString("name", component.Name);
        json.WriteBoolean("control", component.IsControl);
        json.WriteBoolean("hardware", component.IsHardware);
        Array(json, "interfaces", component.Interfaces, (j, port) =>
        {
            j.WriteString("kind", port.Kind.ToString().ToLowerInvariant());
            j.WriteString("type", port.TypeName);
            j.WriteString("name", port.Name);
            j.WriteBoolean("maybe", port.IsOptional);
            if (port.Kind == Adl.Syntax.InterfaceKind.Dataport)
            {
                j.WriteNumber("size", port.DataportSize);
            }
        });
        Array(json, "attributes", component.Attributes, Attribute);
        Location(json, component.Location);
    }

    private static void Attribute(Utf8JsonWriter json, AttributeModel attribute)
    {
        json.WriteString("name", attribute.Name);
        json.WriteString("type", TypeName(attribute.Type) + (attribute.IsArray ? "[]" : string.Empty));
        if (attribute.DefaultValue is { } value)
        {
            json.WritePropertyName("default");
            Value(json, value);
        }
    }

    private static void Connector(Utf8JsonWriter json, ConnectorModel connector)
    {
        json.WriteString("name", connector.Name);
        foreach (var (name, end) in new[] { ("from", connector.From), ("to", connector.To) })
        {
            json.WriteStartObject(name);
            json.WriteString("kind", end.Kind.ToString().ToLowerInvariant());
            json.WriteBoolean("many", end.AllowsMany);
            json.WriteBoolean("hardware", end.IsHardware);
            json.WriteNumber("threads", end.Threads);
            json.WriteEndObject();
        }

        Array(json, "attributes", connector.Attributes, Attribute);
    }

    private static void Instance(Utf8JsonWriter json, InstanceModel instance)
    {
        json.WriteString("name", instance.Name);
        json.WriteString("component", instance.ComponentType);
        if (instance.Group is { } group)
        {
            json.WriteString("group", group);
        }

        Location(json, instance.Location);
    }

    private static void Connection(Utf8JsonWriter json, ConnectionModel connection)
    {
        json.WriteString("name", connection.Name);
        json.WriteString("connector", connection.ConnectorName);
        Array(json, "ends", connection.Ends, (j, end) =>
        {
            j.WriteString("role", end.Role.ToString().ToLowerInvariant());
            j.WriteString("instance", end.Instance);
            j.WriteString("interface", end.Interface);
        });
        Location(json, connection.Location);
    }

    private static void Setting(Utf8JsonWriter json, SettingModel setting)
    {
        json.WriteString("instance", setting.Instance);
        json.WriteString("attribute", setting.Attribute);
        json.WritePropertyName("value");
        Value(json, setting.Value);
        Location(json, setting.Location);
    }

    private static void Value(Utf8JsonWriter json, ConfigValue value)
    {
        switch (value)
        {
            case IntegerValue integer:
                json.WriteNumberValue(integer.Value);
                break;
            case FloatValue number:
                json.WriteNumberValue(number.Value);
                break;
            case BooleanValue boolean:
                json.WriteBooleanValue(boolean.Value);
                break;
            case StringValue text:
                json.WriteStringValue(text.Value);
                break;
            case ListValue list:
                json.WriteStartArray();
                foreach (var item in list.Items)
                {
                    Value(json, item);
                }

                json.WriteEndArray();
                break;
            case DictValue dict:
                json.WriteStartObject();
                foreach (var entry in dict.Entries)
                {
                    json.WritePropertyName(entry.Key);
                    Value(json, entry.Value);
                }

                json.WriteEndObject();
                break;
            default:
                json.WriteNullValue();
                break;
        }
    }

    private static string TypeName(TypeModel type) =>
        type.IsStruct ? (type.Name.Length == 0 ? "struct { ... }" : "struct " + type.Name) : type.Name;

    private static void Location(Utf8JsonWriter json, SourceLocation location)
    {
        json.WriteStartObject("location");
        json.WriteString("file", location.FilePath);
        json.WriteNumber("line", location.Line);
        json.WriteNumber("column", location.Column);
        json.WriteEndObject();
    }
}
